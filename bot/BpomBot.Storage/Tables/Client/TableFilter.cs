using System.Runtime.CompilerServices;

namespace BpomBot.Storage.Tables.Client;

/// <summary>
/// A $filter string built from typed values, never from concatenated input: each value is quoted by the SDK's
/// <see cref="TableClient.CreateQueryFilter(FormattableString)"/>. Only the comparisons the repositories use.
/// </summary>
public sealed class TableFilter
{
    private readonly string _text;

    private TableFilter(string text) => _text = text;

    public static TableFilterProperty Property(string name) => new(name);

    public static TableFilter PartitionKeyEquals(string partitionKey) => Property("PartitionKey").Eq(partitionKey);

    /// <summary>PartitionKey = <paramref name="partitionKey"/> and RowKey in [<paramref name="fromRowKey"/>, <paramref name="toRowKey"/>).</summary>
    public static TableFilter RowKeyRange(string partitionKey, string fromRowKey, string toRowKey) =>
        PartitionKeyEquals(partitionKey).And(Property("RowKey").Ge(fromRowKey)).And(Property("RowKey").Lt(toRowKey));

    public TableFilter And(TableFilter other) => new($"({_text}) and ({other})");

    public TableFilter Or(TableFilter other) => new($"({_text}) or ({other})");

    public override string ToString() => _text;

    public static implicit operator string(TableFilter filter) => filter?._text ?? string.Empty;

    internal static TableFilter Compare(string property, string op, object value)
    {
        // The property name is code, not input; the value goes through the SDK's literal quoting.
        if (property.Length == 0 || !property.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{property}' is not a property name.", nameof(property));
        }

        return new(TableClient.CreateQueryFilter(FormattableStringFactory.Create(property + " " + op + " {0}", value)));
    }
}

/// <summary>The left side of a comparison.</summary>
public sealed class TableFilterProperty(string name)
{
    public TableFilter Eq(object value) => TableFilter.Compare(name, "eq", value);

    public TableFilter Ne(object value) => TableFilter.Compare(name, "ne", value);

    public TableFilter Gt(object value) => TableFilter.Compare(name, "gt", value);

    public TableFilter Ge(object value) => TableFilter.Compare(name, "ge", value);

    public TableFilter Lt(object value) => TableFilter.Compare(name, "lt", value);

    public TableFilter Le(object value) => TableFilter.Compare(name, "le", value);
}
