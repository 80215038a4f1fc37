/// The stable identifier of a kind of problem. Every id is documented in docs/diagnostics.md (Tests/python/test_docs.py checks it);
/// tools and CI filters may rely on them, so an id is never renamed.
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
}

extension DiagnosticID {
    public static let note: DiagnosticID = "note"
    // Reading files
    public static let unreadableFile: DiagnosticID = "unreadable-file"
    /// Planned rows past the memory budget could not be written to (or read back from)
    /// their temporary file: a full or failing temporary folder (`TMPDIR`).
    public static let spillFailed: DiagnosticID = "spill-failed"
    /// A file that is, or resolves through a symbolic link to, a place outside the
    /// content root; it is never read.
    public static let outsideRoot: DiagnosticID = "outside-root"
    // YAML
    public static let yamlSyntax: DiagnosticID = "yaml-syntax"
    public static let duplicateKey: DiagnosticID = "duplicate-key"
    public static let nonScalarKey: DiagnosticID = "non-scalar-key"
    public static let multipleDocuments: DiagnosticID = "multiple-documents"
    public static let aliasLimit: DiagnosticID = "alias-limit"
    public static let depthLimit: DiagnosticID = "depth-limit"
    public static let scalarLimit: DiagnosticID = "scalar-limit"
    public static let tabIndentation: DiagnosticID = "tab-indentation"
    public static let nulByte: DiagnosticID = "nul-byte"
    public static let invalidUTF8: DiagnosticID = "invalid-utf8"
    // Markdown collections
    public static let missingFrontMatter: DiagnosticID = "missing-front-matter"
    public static let unclosedFrontMatter: DiagnosticID = "unclosed-front-matter"
    public static let frontMatterNotMapping: DiagnosticID = "front-matter-not-mapping"
    public static let invalidSlug: DiagnosticID = "invalid-slug"
    public static let duplicateSlug: DiagnosticID = "duplicate-slug"
    // Schema
    public static let invalidSchema: DiagnosticID = "invalid-schema"
    public static let unknownTable: DiagnosticID = "unknown-table"
    public static let unknownColumn: DiagnosticID = "unknown-column"
    public static let unknownOption: DiagnosticID = "unknown-option"
    public static let missingKey: DiagnosticID = "missing-key"
    public static let referenceCycle: DiagnosticID = "reference-cycle"
    public static let invalidReference: DiagnosticID = "invalid-reference"
    /// An empty table or column name, or one holding control or line-separator characters.
    public static let invalidName: DiagnosticID = "invalid-name"
    /// A name seedc uses itself (its ledger, the columns of its statements).
    public static let reservedName: DiagnosticID = "reserved-name"
    // Records
    public static let unknownField: DiagnosticID = "unknown-field"
    public static let missingRequired: DiagnosticID = "missing-required"
    public static let typeMismatch: DiagnosticID = "type-mismatch"
    public static let notInEnum: DiagnosticID = "not-in-enum"
    public static let tooLong: DiagnosticID = "too-long"
    public static let patternMismatch: DiagnosticID = "pattern-mismatch"
    public static let duplicateRecord: DiagnosticID = "duplicate-record"
    public static let unknownReference: DiagnosticID = "unknown-reference"
    // Secrets
    public static let plaintextPassword: DiagnosticID = "plaintext-password"
    public static let possibleSecret: DiagnosticID = "possible-secret"
    /// A record of a `private` table written in content.yaml, which the app serves.
    public static let privateRecordInPublicFile: DiagnosticID = "private-record-in-public-file"
    /// A record giving a value to an `app_owned` column, which seedc never writes.
    public static let appOwnedField: DiagnosticID = "app-owned-field"
    /// A declared column holding raw ids the database assigns anew (found by `plan`/`apply`).
    public static let unstableReference: DiagnosticID = "unstable-reference"
    // Links
    public static let brokenLink: DiagnosticID = "broken-link"
    public static let placeholderLink: DiagnosticID = "placeholder-link"
    // Include files
    public static let includeNotFound: DiagnosticID = "include-not-found"
}

extension DiagnosticID {
    // Commands: problems outside the content
    /// A database could not be reached, or refused a statement (the transaction is
    /// rolled back).
    public static let databaseError: DiagnosticID = "database-error"
    /// A file could not be written (seeds/, content.yaml edited by init or capture);
    /// every file is left as it was.
    public static let writeFailed: DiagnosticID = "write-failed"
    /// `seedc check`: a file of seeds/ is stale, missing or extra.
    public static let staleOutput: DiagnosticID = "stale-output"
    /// An option that does not fit the content or the database (a table not there).
    public static let invalidOption: DiagnosticID = "invalid-option"
    /// `seedc capture` found rows whose values would not come back as stored; nothing
    /// is written.
    public static let captureRefused: DiagnosticID = "capture-refused"
    /// `seedc capture` left a row or column out (a dangling reference, a computed column).
    public static let captureSkipped: DiagnosticID = "capture-skipped"
    /// `seedc init` proposes something to review (a reference it could not follow).
    public static let initReview: DiagnosticID = "init-review"
    /// A record whose password variable is not set was skipped (`apply`), or capture
    /// needs variables set.
    public static let unsetPassword: DiagnosticID = "unset-password"
    /// An edit of a content file (capture, init) could not be made where it belongs.
    public static let editFailed: DiagnosticID = "edit-failed"
    /// A failure seedc did not foresee; please report it.
    public static let internalError: DiagnosticID = "internal-error"
}
