using Microsoft.Extensions.Logging;
using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>
/// Fires views' cron schedules from the server's clock. Each pass takes, per scheduled view, the latest
/// slot that is due and not yet claimed (slots missed while the server was down fold into one run), claims
/// it in the store with a conditional update, and only then submits the refresh: a slot is never run twice,
/// by two passes, two schedulers or a restart; a crash between the claim and the submission skips that
/// slot rather than risk a second run. Passes run at each minute boundary (cron's resolution).
/// </summary>
public sealed class ViewScheduler(IViewStore store, MaterializedViews views, TimeProvider time, ILogger<ViewScheduler> logger)
{
    /// <summary>One pass at the clock's time: the views whose refresh it submitted, with their slots.</summary>
    public async Task<IReadOnlyList<(MaterializedView View, DateTimeOffset Slot)>> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var fired = new List<(MaterializedView, DateTimeOffset)>();
        foreach (var view in await store.ListScheduledViewsAsync(cancellationToken).ConfigureAwait(false))
        {
            var schedule = CronSchedule.ParseUnchecked(view.Cron!);
            if (schedule.LatestDue(view.ClaimedSlot ?? view.CreatedAt, now) is not { } slot)
            {
                continue;
            }
            if (!await store.TryClaimSlotAsync(view.Owner, view.Name, slot, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }
            LogMessages.SlotClaimed(logger, view.FullName, slot);
            try
            {
                await views.SubmitRefreshAsync(view, view.Tier, cancellationToken).ConfigureAwait(false);
                fired.Add((view, slot));
            }
            catch (UseCaseException e)
            {
                // The owner's quota, a full queue, a query no longer runnable: this slot is spent; the next one tries again.
                LogMessages.ScheduledRefreshRefused(logger, view.FullName, e.Message);
            }
        }
        return fired;
    }

    /// <summary>Runs passes at every minute boundary until stopped.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogMessages.SchedulerError(logger, e);
            }
            var now = time.GetUtcNow();
            var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
            try
            {
                await Task.Delay(minute - now, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
