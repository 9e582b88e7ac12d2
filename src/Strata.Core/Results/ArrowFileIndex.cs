using System.Buffers.Binary;

namespace Strata.Core.Results;

/// <summary>
/// Where each record batch of an Arrow IPC file starts, in rows, read from the file's footer and each
/// batch's message header (a few hundred bytes per batch; no batch body is read). The flatbuffers are
/// read with bounds checks: a damaged file fails with <see cref="InvalidDataException"/>.
/// </summary>
internal static class ArrowFileIndex
{
    private const int BlockSize = 24; // struct Block { long offset; int metaDataLength; (pad); long bodyLength; }
    private const byte RecordBatchHeader = 3;

    /// <summary>Row starts: element i is the first row of batch i; the last element is the row count.</summary>
    public static long[] BatchStarts(Stream stream)
    {
        long saved = stream.Position;
        try
        {
            long length = stream.Length;
            var trailer = ReadAt(stream, length - 10, 10);
            int footerLength = BinaryPrimitives.ReadInt32LittleEndian(trailer);
            if (footerLength <= 0 || footerLength > length - 10)
            {
                throw new InvalidDataException("Arrow file footer length out of range");
            }
            var footer = ReadAt(stream, length - 10 - footerLength, footerLength);
            int root = Root(footer);
            int blocks = Reference(footer, root, 3);
            int count = blocks < 0 ? 0 : Int32(footer, blocks);
            if (count < 0 || blocks + 4 + (long)count * BlockSize > footer.Length)
            {
                throw new InvalidDataException("Arrow file footer lists more batches than it holds");
            }
            var starts = new long[count + 1];
            for (int i = 0; i < count; i++)
            {
                int block = blocks + 4 + i * BlockSize;
                long offset = BinaryPrimitives.ReadInt64LittleEndian(footer.AsSpan(block));
                int metaLength = Int32(footer, block + 8);
                if (metaLength <= 8 || offset < 0 || offset + metaLength > length)
                {
                    throw new InvalidDataException("Arrow batch block out of range");
                }
                starts[i + 1] = starts[i] + RowsOf(ReadAt(stream, offset, metaLength));
            }
            return starts;
        }
        finally
        {
            stream.Position = saved;
        }
    }

    /// <summary>The row count in an encapsulated message (continuation marker, length, Message flatbuffer).</summary>
    private static long RowsOf(byte[] encapsulated)
    {
        int prefix = Int32(encapsulated, 0) == -1 ? 8 : 4;
        var message = encapsulated.AsSpan(prefix).ToArray();
        int root = Root(message);
        int typeField = Field(message, root, 1);
        if (typeField < 0 || message[Check(message, typeField, 1)] != RecordBatchHeader)
        {
            throw new InvalidDataException("Arrow block is not a record batch");
        }
        int header = Reference(message, root, 2);
        if (header < 0)
        {
            throw new InvalidDataException("Arrow record batch without a header");
        }
        int lengthField = Field(message, header, 0);
        return lengthField < 0 ? 0 : BinaryPrimitives.ReadInt64LittleEndian(message.AsSpan(Check(message, lengthField, 8)));
    }

    private static int Root(byte[] buffer) => Check(buffer, Int32(buffer, 0), 4);

    /// <summary>Position of field <paramref name="id"/> of the table at <paramref name="table"/>, or -1 when absent.</summary>
    private static int Field(byte[] buffer, int table, int id)
    {
        int vtable = Check(buffer, table - Int32(buffer, table), 4);
        int vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(vtable));
        int slot = 4 + 2 * id;
        if (slot + 2 > vtableSize)
        {
            return -1;
        }
        int offset = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(Check(buffer, vtable + slot, 2)));
        return offset == 0 ? -1 : Check(buffer, table + offset, 1);
    }

    /// <summary>The table or vector a reference field points at, or -1 when the field is absent.</summary>
    private static int Reference(byte[] buffer, int table, int id)
    {
        int field = Field(buffer, table, id);
        return field < 0 ? -1 : Check(buffer, field + Int32(buffer, field), 4);
    }

    private static int Int32(byte[] buffer, int at) => BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(Check(buffer, at, 4)));

    private static int Check(byte[] buffer, long at, int size) =>
        at >= 0 && at + size <= buffer.Length ? (int)at : throw new InvalidDataException("Arrow metadata offset out of range");

    private static byte[] ReadAt(Stream stream, long offset, int count)
    {
        if (offset < 0)
        {
            throw new InvalidDataException("Arrow file too short");
        }
        var buffer = new byte[count];
        stream.Position = offset;
        stream.ReadExactly(buffer);
        return buffer;
    }
}
