/// A foreign key of a database table, as the database describes it (`seedc init`, and
/// `plan` and `apply`, which honour it): `columns` hold values of `targetColumns` of
/// `targetTable`.
public struct ForeignKey: Sendable, Hashable {
    public var columns: [String]
    public var targetTable: String
    public var targetColumns: [String]

    public init(columns: [String], targetTable: String, targetColumns: [String]) {
        self.columns = columns
        self.targetTable = targetTable
        self.targetColumns = targetColumns
    }
}
