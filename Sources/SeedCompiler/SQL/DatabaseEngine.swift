/// The database engines seedc applies to.
public enum DatabaseEngine: String, Sendable {
    case sqlite, postgres
}
