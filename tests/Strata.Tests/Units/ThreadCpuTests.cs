namespace Strata.Tests.Units;

/// <summary>The thread-time reader the complexity bounds use: it counts the thread's work and not its waits.</summary>
public sealed class ThreadCpuTests
{
    [Fact]
    public void Work_on_the_thread_counts()
    {
        var cpu = ThreadCpu.StartNew();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        long spins = 0;
        while (cpu.Elapsed < TimeSpan.FromMilliseconds(50))
        {
            Assert.True(DateTime.UtcNow < deadline, $"60 s of wall time and {spins} reads counted no 50 ms of the thread's work");
            spins++;
        }
        Assert.True(spins > 0);
    }

    [Fact]
    public void A_wait_of_the_thread_does_not_count()
    {
        var cpu = ThreadCpu.StartNew();
        // The subject: a thread that holds no core for 300 ms (a wall clock would count them).
        Thread.Sleep(300);
        Assert.True(cpu.Elapsed < TimeSpan.FromMilliseconds(200), $"{cpu.Elapsed} counted for a 300 ms sleep");
    }

    [Fact]
    public void It_is_read_on_the_thread_it_measures()
    {
        var cpu = ThreadCpu.StartNew();
        Exception? thrown = null;
        var other = new Thread(() => thrown = Record.Exception(() => cpu.Elapsed));
        other.Start();
        Assert.True(other.Join(TimeSpan.FromSeconds(30)));
        Assert.IsType<InvalidOperationException>(thrown);
    }

    [Fact]
    public void Another_threads_work_is_read_by_its_id_while_it_lives()
    {
        int id = 0;
        using var worked = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var other = new Thread(() =>
        {
            id = ThreadCpu.OsThreadId();
            var cpu = ThreadCpu.StartNew();
            while (cpu.Elapsed < TimeSpan.FromMilliseconds(100))
            {
                Thread.SpinWait(1000);
            }
            worked.Set();
            release.Wait();
        });
        other.Start();
        Assert.True(worked.Wait(TimeSpan.FromMinutes(10)), "the other thread never counted 100 ms of work");
        Assert.NotEqual(ThreadCpu.OsThreadId(), id);
        var read = ThreadCpu.UsedBy(id);
        release.Set();
        Assert.True(other.Join(TimeSpan.FromMinutes(10)));
        Assert.NotNull(read);
        Assert.True(read >= TimeSpan.FromMilliseconds(100), $"{read} read for at least 100 ms of the other thread's work");
    }
}
