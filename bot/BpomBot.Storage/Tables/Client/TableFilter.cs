using System.Globalization;

namespace BpomBot.Storage.Tables.Client;

/// <summary>
/// A $filter expression built from typed values, never from concatenated input. It renders to OData
/// (<see cref="ToString"/>) and can be evaluated in memory by the fake table.
/// </summary>
public abstract class TableFilter
{
    public static TableFilterProperty Property(string name) => new(name);

    public static TableFilter PartitionKeyEquals(string partitionKey) => Property("PartitionKey").Eq(partitionKey);

    /// <summary>Formats an interpolated string, quoting each argument as an OData literal (the CreateQueryFilter idiom).</summary>
    public static string Format(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(a => (object)FormatLiteral(a)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>Renders a value as an OData literal: strings quoted with '' escaping, datetime'…', guid'…', X'…', 123L.</summary>
    public static string FormatLiteral(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => FormatDouble(d),
        DateTimeOffset d => "datetime'" + TableValues.FormatDateTime(d) + "'",
        DateTime d => "datetime'" + TableValues.FormatDateTime(new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind))) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        _ => throw new ArgumentException($"Cannot use a {value.GetType().Name} in a table filter.", nameof(value)),
    };

    public TableFilter And(TableFilter other) => new Logical(this, "and", other);

    public TableFilter Or(TableFilter other) => new Logical(this, "or", other);

    public TableFilter Not() => new Negation(this);

    public abstract override string ToString();

    internal abstract bool Evaluate(TableEntity entity);

    private static string FormatDouble(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    internal static object? ValueOf(TableEntity entity, string name) => name switch
    {
        "PartitionKey" => entity.PartitionKey,
        "RowKey" => entity.RowKey,
        "Timestamp" => entity.Timestamp,
        _ => entity[name],
    };

    internal static int? Compare(object? left, object right) => (left, right) switch
    {
        (string a, string b) => string.CompareOrdinal(a, b),
        (int a, int b) => a.CompareTo(b),
        (long a, long b) => a.CompareTo(b),
        (long a, int b) => a.CompareTo(b),
        (int a, long b) => ((long)a).CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (double a, int b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.UtcTicks.CompareTo(b.UtcTicks),
        (Guid a, Guid b) => a.Equals(b) ? 0 : 1,
        (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
        _ => null,
    };

    private sealed class Logical(TableFilter left, string op, TableFilter right) : TableFilter
    {
        public override string ToString() => $"({left}) {op} ({right})";

        internal override bool Evaluate(TableEntity entity) =>
            op == "and" ? left.Evaluate(entity) && right.Evaluate(entity) : left.Evaluate(entity) || right.Evaluate(entity);
    }

    private sealed class Negation(TableFilter inner) : TableFilter
    {
        public override string ToString() => $"not ({inner})";

        internal override bool Evaluate(TableEntity entity) => !inner.Evaluate(entity);
    }
}

/// <summary>One side of a comparison: a property name.</summary>
public sealed class TableFilterProperty
{
    private readonly string _name;

    internal TableFilterProperty(string name)
    {
        if (name is not ("PartitionKey" or "RowKey" or "Timestamp"))
        {
            TableLimits.ValidatePropertyName(name);
        }

        _name = name;
    }

    public TableFilter Eq(object value) => new Comparison(_name, "eq", value);

    public TableFilter Ne(object value) => new Comparison(_name, "ne", value);

    public TableFilter Gt(object value) => new Comparison(_name, "gt", value);

    public TableFilter Ge(object value) => new Comparison(_name, "ge", value);

    public TableFilter Lt(object value) => new Comparison(_name, "lt", value);

    public TableFilter Le(object value) => new Comparison(_name, "le", value);

    private sealed class Comparison : TableFilter
    {
        private readonly string _name;
        private readonly string _op;
        private readonly object _value;
        private readonly string _literal;

        public Comparison(string name, string op, object value)
        {
            ArgumentNullException.ThrowIfNull(value);
            _name = name;
            _op = op;
            _value = value is DateTime dt ? new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)) : value;
            _literal = FormatLiteral(_value);
        }

        public override string ToString() => $"{_name} {_op} {_literal}";

        internal override bool Evaluate(TableEntity entity)
        {
            // Table Storage only matches when the property exists and has the literal's type.
            var result = Compare(ValueOf(entity, _name), _value);
            return result is int c && _op switch
            {
                "eq" => c == 0,
                "ne" => c != 0,
                "gt" => c > 0,
                "ge" => c >= 0,
                "lt" => c < 0,
                _ => c <= 0,
            };
        }
    }
}
