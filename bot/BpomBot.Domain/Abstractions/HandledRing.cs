using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace BpomBot.Domain.Abstractions;

/// <summary>
/// The ids of the last <see cref="Capacity"/> distinct activities a conversation handled, kept compactly in its state
/// row: each id as an 8-byte hash (the first 8 bytes of the SHA-256 of its UTF-8), oldest first, stored as one
/// base64url string (at most 683 characters). An id already in the ring is never added again, so repeats of one
/// activity cannot push older ids out; only <see cref="Capacity"/> newer distinct activities of the same conversation
/// can. Immutable. docs/storage.md, "Turns".
/// </summary>
public sealed class HandledRing
{
    /// <summary>How many distinct handled ids a conversation row remembers.</summary>
    public const int Capacity = 64;

    private const int HashBytes = 8;

    private readonly ulong[] hashes;

    private HandledRing(ulong[] hashes) => this.hashes = hashes;

    public static HandledRing Empty { get; } = new([]);

    /// <summary>How many ids the ring holds (at most <see cref="Capacity"/>).</summary>
    public int Count => hashes.Length;

    /// <summary>True when <paramref name="activityId"/> is among the remembered ids.</summary>
    public bool Contains(string activityId) => Array.IndexOf(hashes, Hash(activityId)) >= 0;

    /// <summary>The ring with <paramref name="activityId"/> appended (the oldest dropped beyond <see cref="Capacity"/>); itself when the id is in it already.</summary>
    public HandledRing With(string activityId)
    {
        var hash = Hash(activityId);
        if (Array.IndexOf(hashes, hash) >= 0)
        {
            return this;
        }

        var kept = Math.Min(hashes.Length, Capacity - 1);
        var next = new ulong[kept + 1];
        Array.Copy(hashes, hashes.Length - kept, next, 0, kept);
        next[kept] = hash;
        return new HandledRing(next);
    }

    /// <summary>The stored form: base64url of the hashes, oldest first (empty string for an empty ring).</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Capacity * HashBytes];
        for (var i = 0; i < hashes.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes[(i * HashBytes)..], hashes[i]);
        }

        return Base64Url.EncodeToString(bytes[..(hashes.Length * HashBytes)]);
    }

    /// <summary>Reads the stored form; anything unreadable is an empty ring (a redelivery of it is then only caught by an invoke's ledger row).</summary>
    public static HandledRing Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return Empty;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(stored);
        }
        catch (FormatException)
        {
            return Empty;
        }

        var count = Math.Min(bytes.Length / HashBytes, Capacity);
        var skip = (bytes.Length / HashBytes) - count;
        var read = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            read[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((skip + i) * HashBytes));
        }

        return new HandledRing(read);
    }

    /// <summary>A ring of <paramref name="activityIds"/> in the order given (oldest first), e.g. a row's list of plain ids from before the ring.</summary>
    public static HandledRing Of(IEnumerable<string> activityIds)
    {
        ArgumentNullException.ThrowIfNull(activityIds);
        var ring = Empty;
        foreach (var id in activityIds)
        {
            ring = ring.With(id);
        }

        return ring;
    }

    private static ulong Hash(string activityId)
    {
        ArgumentNullException.ThrowIfNull(activityId);
        var max = Encoding.UTF8.GetMaxByteCount(activityId.Length);
        Span<byte> utf8 = max <= 512 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(activityId, utf8);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}
