/// The stable identifier of a kind of problem. Every id is documented in the README;
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
    // Links
    public static let brokenLink: DiagnosticID = "broken-link"
    public static let placeholderLink: DiagnosticID = "placeholder-link"
    // Include files
    public static let includeNotFound: DiagnosticID = "include-not-found"
}
