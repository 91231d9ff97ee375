using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The shape of the graph in memory, so traversals (paths, neighbourhoods, a node's relationships) touch only what
/// they need instead of asking SQLite for every relationship of every node on a frontier. Built from the file, never
/// written to: it can only be dropped (after an import) and rebuilt, so it cannot drift from the file.
/// <para>
/// Compact by design (about 60 bytes per node and 20 per relationship at national size): nodes are numbered in
/// ordinal order of their ids and relationships in ordinal order of theirs, so comparing two numbers compares the ids
/// and "by id" orders need no strings. Adjacency is CSR: the entries of node <c>n</c> are
/// <c>[offsets[n], offsets[n + 1])</c>, each a (neighbour, relationship) pair, sorted by neighbour then relationship,
/// both directions together (a self-loop appears twice). Properties and citations stay in SQLite and are read by
/// rowid for the few relationships an answer shows.
/// </para>
/// </summary>
internal sealed class SqliteTopology
{
    // 27 bits of node number and 28 of relationship number fit the sort keys used for a node's relationships.
    public const int MaxNodes = 1 << 27, MaxRelationships = 1 << 28;

    private readonly string[] _ids;
    private readonly byte[] _labels;
    private readonly long[] _nodeRowIds;
    private readonly string[] _labelNames;
    private readonly int[] _offsets;
    private readonly int[] _neighbours;
    private readonly int[] _viaRelationships;
    private readonly long[] _relationshipRowIds;
    private readonly byte[] _types;
    private readonly string[] _typeNames;

    private SqliteTopology(string[] ids, byte[] labels, string[] labelNames, long[] nodeRowIds, int[] offsets, int[] neighbours, int[] viaRelationships,
        long[] relationshipRowIds, byte[] types, string[] typeNames)
    {
        (_ids, _labels, _labelNames, _nodeRowIds, _offsets, _neighbours, _viaRelationships) = (ids, labels, labelNames, nodeRowIds, offsets, neighbours, viaRelationships);
        (_relationshipRowIds, _types, _typeNames) = (relationshipRowIds, types, typeNames);
    }

    public int NodeCount => _ids.Length;
    public int RelationshipCount => _relationshipRowIds.Length;

    /// <summary>The node's number, or -1 when no node has the id.</summary>
    public int IndexOf(string id)
    {
        var at = Array.BinarySearch(_ids, id, StringComparer.Ordinal);
        return at < 0 ? -1 : at;
    }

    public string IdOf(int node) => _ids[node];
    public int LabelOf(int node) => _labels[node];
    public string LabelName(int label) => _labelNames[label];
    public int Degree(int node) => _offsets[node + 1] - _offsets[node];
    public int Start(int node) => _offsets[node];
    public int End(int node) => _offsets[node + 1];
    public int NeighbourAt(int entry) => _neighbours[entry];
    public int RelationshipAt(int entry) => _viaRelationships[entry];
    public long RowIdOf(int relationship) => _relationshipRowIds[relationship];
    public long NodeRowIdOf(int node) => _nodeRowIds[node];

    /// <summary>Type numbers follow the ordinal order of the type names.</summary>
    public int TypeOf(int relationship) => _types[relationship];
    public int TypeCount => _typeNames.Length;
    public string TypeName(int type) => _typeNames[type];

    /// <summary>Which labels (by number) are among the names; null when no filter is asked for. Unknown names match nothing.</summary>
    public bool[]? LabelFilter(IEnumerable<string>? names) => Filter(names, _labelNames);

    public bool[]? TypeFilter(IEnumerable<string>? names) => Filter(names, _typeNames);

    private static bool[]? Filter(IEnumerable<string>? names, string[] table)
    {
        if (names is null) return null;
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return table.Select(wanted.Contains).ToArray();
    }

    /// <summary>The first entry of <paramref name="node"/>'s adjacency whose neighbour is at least <paramref name="neighbour"/>.</summary>
    public int LowerBound(int node, int neighbour)
    {
        int lo = _offsets[node], hi = _offsets[node + 1];
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_neighbours[mid] < neighbour) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Approximate bytes held (the arrays and the id strings), for the benchmark's memory report.</summary>
    public long ApproximateBytes =>
        _ids.Sum(id => 22L + 2 * id.Length) + 16L * _ids.Length + _labels.Length + 4L * (_offsets.Length + _neighbours.Length + _viaRelationships.Length)
        + 8L * _relationshipRowIds.Length + _types.Length;

    /// <summary>
    /// Reads ids, labels and endpoints (nothing else) from the file, in sequential scans only: each table in rowid
    /// order, and the relationship ids' order from their unique index (which holds the rowid, so the table is not
    /// touched); random lookups by id would cost a page read each.
    /// </summary>
    public static SqliteTopology Build(SqliteConnection connection)
    {
        var nodeCount = Count(connection, "nodes", MaxNodes);
        var ids = new string[nodeCount];
        var labels = new byte[nodeCount];
        var nodeRowIds = new long[nodeCount];
        var labelNumbers = new Dictionary<string, byte>(StringComparer.Ordinal);
        var read = 0;
        foreach (var row in connection.Rows("SELECT rowid, id, label FROM nodes", CancellationToken.None))
        {
            if (read == nodeCount) throw Changed();
            nodeRowIds[read] = row.GetInt64(0);
            ids[read] = row.GetUniqueString(1);
            labels[read] = Number(labelNumbers, row.GetString(2), "labels");
            read++;
        }
        if (read != nodeCount) throw Changed();
        var nodeOrder = Enumerable.Range(0, nodeCount).ToArray();
        Array.Sort(ids, nodeOrder, StringComparer.Ordinal);
        labels = nodeOrder.Select(i => labels[i]).ToArray();
        nodeRowIds = nodeOrder.Select(i => nodeRowIds[i]).ToArray();
        var number = new Dictionary<string, int>(nodeCount, StringComparer.Ordinal);
        for (var i = 0; i < nodeCount; i++) number[ids[i]] = i;

        // Relationship numbers: the ordinal order of the ids, read from the unique index on id.
        var relCount = Count(connection, "relationships", MaxRelationships);
        var rowIdArray = new long[relCount];
        var ordinal = true;
        read = 0;
        var previous = new char[128];
        var previousLength = -1;
        foreach (var row in connection.Rows("SELECT rowid, id FROM relationships ORDER BY id", CancellationToken.None))
        {
            if (read == relCount) throw Changed();
            var id = row.Chars(1);
            // SQLite orders text by its UTF-8 bytes: the same as ordinal order unless a key holds characters
            // beyond the Basic Multilingual Plane. Check rather than trust it (on the decoded text, with no string made).
            if (previousLength >= 0 && previous.AsSpan(0, previousLength).SequenceCompareTo(id) >= 0) ordinal = false;
            if (previous.Length < id.Length) previous = new char[2 * id.Length];
            id.CopyTo(previous);
            previousLength = id.Length;
            rowIdArray[read++] = row.GetInt64(0);
        }
        if (read != relCount) throw Changed();
        if (!ordinal) rowIdArray = OrdinalOrder(connection, relCount);
        var numberOfRowId = RowIdIndex(rowIdArray);

        var typeNumbers = new Dictionary<string, byte>(StringComparer.Ordinal);
        var typeRows = new byte[relCount];
        var fromArray = new int[relCount];
        var toArray = new int[relCount];
        var numberOf = number.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var row in connection.Rows("SELECT rowid, type, from_id, to_id FROM relationships", CancellationToken.None))
        {
            var r = numberOfRowId(row.GetInt64(0));
            typeRows[r] = Number(typeNumbers, row.GetString(1), "relationship types");
            // Looked up by the decoded text: two strings a relationship was 1.5 million strings for a national graph.
            fromArray[r] = numberOf[row.Chars(2)];
            toArray[r] = numberOf[row.Chars(3)];
        }
        number.Clear();

        // Type numbers in ordinal order of the names, so "by type" needs no strings either.
        var typeNames = typeNumbers.Keys.Order(StringComparer.Ordinal).ToArray();
        var typeRank = new byte[typeNames.Length];
        foreach (var (name, n) in typeNumbers) typeRank[n] = (byte)Array.IndexOf(typeNames, name);
        var labelNames = new string[labelNumbers.Count];
        foreach (var (name, n) in labelNumbers) labelNames[n] = name;
        var types = new byte[relCount];
        for (var r = 0; r < relCount; r++) types[r] = typeRank[typeRows[r]];

        // Two passes, no sorting: first each node's relationships in relationship order, then, walking nodes in order,
        // each relationship is appended to its other end, which leaves every adjacency sorted by (neighbour, relationship).
        var offsets = new int[nodeCount + 1];
        for (var r = 0; r < relCount; r++)
        {
            offsets[fromArray[r] + 1]++;
            offsets[toArray[r] + 1]++;
        }
        for (var n = 0; n < nodeCount; n++) offsets[n + 1] += offsets[n];
        var fill = offsets[..^1];
        var incident = new int[offsets[^1]];
        for (var r = 0; r < relCount; r++)
        {
            incident[fill[fromArray[r]]++] = r;
            incident[fill[toArray[r]]++] = r;
        }
        Array.Copy(offsets, fill, fill.Length);
        var neighbours = new int[incident.Length];
        var via = new int[incident.Length];
        for (var n = 0; n < nodeCount; n++)
        {
            for (var e = offsets[n]; e < offsets[n + 1]; e++)
            {
                var r = incident[e];
                var other = fromArray[r] == n ? toArray[r] : fromArray[r];
                var at = fill[other]++;
                neighbours[at] = n;
                via[at] = r;
            }
        }
        return new SqliteTopology(ids, labels, labelNames, nodeRowIds, offsets, neighbours, via, rowIdArray, types, typeNames);
    }

    private static int Count(SqliteConnection connection, string table, int max)
    {
        var count = Convert.ToInt64(connection.Command($"SELECT COUNT(*) FROM {table}").ExecuteScalar());
        return count < max ? (int)count
            : throw new InvalidOperationException($"The graph has {count:N0} {table}; the in-memory topology holds fewer than {max:N0}.");
    }

    private static InvalidOperationException Changed() => new("The graph changed while the in-memory topology was being built.");

    /// <summary>Rowid to relationship number: an array when rowids are dense (the usual case), a dictionary otherwise.</summary>
    private static Func<long, int> RowIdIndex(long[] rowIds)
    {
        var max = rowIds.Length == 0 ? 0 : rowIds.Max();
        if (max <= 2L * rowIds.Length + 1024)
        {
            var dense = new int[max + 1];
            for (var r = 0; r < rowIds.Length; r++) dense[rowIds[r]] = r;
            return rowId => dense[rowId];
        }
        var sparse = new Dictionary<long, int>(rowIds.Length);
        for (var r = 0; r < rowIds.Length; r++) sparse[rowIds[r]] = r;
        return rowId => sparse[rowId];
    }

    /// <summary>Rowids in ordinal order of the relationship ids (the rare case where byte order differs).</summary>
    private static long[] OrdinalOrder(SqliteConnection connection, int count)
    {
        var ids = new string[count];
        var rowIds = new long[count];
        var read = 0;
        foreach (var row in connection.Rows("SELECT rowid, id FROM relationships", CancellationToken.None))
        {
            if (read == count) break;
            rowIds[read] = row.GetInt64(0);
            ids[read++] = row.GetUniqueString(1);
        }
        Array.Sort(ids, rowIds, StringComparer.Ordinal);
        return rowIds;
    }

    private static byte Number(Dictionary<string, byte> numbers, string name, string what)
    {
        if (numbers.TryGetValue(name, out var n)) return n;
        if (numbers.Count > byte.MaxValue) throw new InvalidOperationException($"More than 256 {what}; the in-memory topology keeps one byte per {what}.");
        return numbers[name] = (byte)numbers.Count;
    }
}
