/// One problem found in the content, as a value: collected, sorted and printed by the
/// caller, never thrown.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable, documented identifier such as `unknown-reference`.
    public var id: DiagnosticID
    public var message: String
    public var location: SourceLocation?
    /// Related places, printed after the diagnostic (e.g. the first of two duplicates).
    public var notes: [Diagnostic]

    public init(
        _ severity: Severity, _ id: DiagnosticID, _ message: String,
        at location: SourceLocation?, notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.error, id, message, at: location, notes: notes)
    }

    public static func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location, notes: notes)
    }

    public static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, .note, message, at: location)
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, line and column; ones without a place come first.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: return (lhs.severity, lhs.id.rawValue, lhs.message) < (rhs.severity, rhs.id.rawValue, rhs.message)
        }
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// A diagnostic can end a step that cannot go on (e.g. an unreadable content.yaml).
extension Diagnostic: Error {}
