import GRDB

/// Reading a row's columns by name. GRDB's `Row` finds a name by lowercasing the column names it
/// compares, on every access: a roster of 100,000 rows read 25 columns each that way, and a
/// quarter of opening that course's roll call went to lowercasing. `IndexedRow` looks the names
/// up once per statement; the decoders (`Person(row:)`, `RosterBrowser.rosterEntry`) take either.
protocol ColumnReading {
    /// The value of `column`; the row must have it.
    func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) -> Value
    /// The value of `column`, nil when it is NULL or the row has no such column.
    func optionalValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) -> Value?
}

extension ColumnReading {
    subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) -> Value { value(column) }
    @_disfavoredOverload subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) -> Value? {
        optionalValue(column)
    }
}

extension Row: ColumnReading {
    func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) -> Value { self[column] }
    func optionalValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) -> Value? { self[column] }
}

/// One row of a statement read through `Row.fetchAll(_:sql:arguments:decoding:)`.
struct IndexedRow: ColumnReading {
    let base: Row
    /// Each column's index by its lowercased name (the first column of that name, as `Row` finds).
    let indexes: [String: Int]

    func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) -> Value {
        guard let index = indexes[column] ?? indexes[column.lowercased()] else { fatalError("no column \(column) in the row") }
        return base[index]
    }

    func optionalValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String) -> Value? {
        guard let index = indexes[column] ?? indexes[column.lowercased()] else { return nil }
        return base[index]
    }
}

extension Row {
    /// Every row of `sql`, decoded by `decode` with the column names looked up once.
    static func fetchAll<T>(
        _ db: Database, sql: String, arguments: StatementArguments = StatementArguments(), decoding decode: (IndexedRow) throws -> T
    ) throws -> [T] {
        try fetchAll(try db.makeStatement(sql: sql), arguments: arguments, decoding: decode)
    }

    /// The same from a statement the caller prepared (a cached one, for SQL of a fixed shape).
    static func fetchAll<T>(
        _ statement: Statement, arguments: StatementArguments = StatementArguments(), decoding decode: (IndexedRow) throws -> T
    ) throws -> [T] {
        var indexes: [String: Int] = [:]
        for (index, name) in statement.columnNames.enumerated() where indexes[name.lowercased()] == nil {
            indexes[name.lowercased()] = index
        }
        var decoded: [T] = []
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() { decoded.append(try decode(IndexedRow(base: row, indexes: indexes))) }
        return decoded
    }
}
