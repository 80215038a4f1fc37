import Foundation

/// A JSON value, the common ground on which a loaded YAML document and the
/// yaml-test-suite's `in.json` are compared. Numbers are compared as `Double`, as JSON
/// does not tell `1` from `1.0`.
enum JSONValue: Equatable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Decoding tries each kind in turn; `JSONDecoder` never reads `true` as a number
    /// nor `1` as a boolean, unlike `JSONSerialization`'s `NSNumber`.
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case let .bool(value): "\(value)"
        case let .number(value): "\(value)"
        case let .string(value): value.debugDescription
        case let .array(items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case let .object(members):
            "{" + members.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// The values of a stream of concatenated JSON texts (an `in.json` holds one per
    /// YAML document; none for a stream without documents).
    static func stream(_ data: Data) throws -> [JSONValue] {
        try splitStream(Array(data)).map { try JSONDecoder().decode(JSONValue.self, from: Data($0)) }
    }

    /// Cuts concatenated JSON texts apart at the top level: a string ends at its closing
    /// quote, a container where its brackets balance (outside strings), any other value
    /// (number, `true`, `null`) before the next whitespace, quote or opening bracket.
    static func splitStream(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        let opening: Set<UInt8> = [UInt8(ascii: "["), UInt8(ascii: "{")]
        let closing: Set<UInt8> = [UInt8(ascii: "]"), UInt8(ascii: "}")]
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        var values: [ArraySlice<UInt8>] = []
        var start: Int?
        var depth = 0, inString = false, escaped = false
        for (i, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == backslash {
                    escaped = true
                } else if byte == quote {
                    inString = false
                    if depth == 0, let first = start { values.append(bytes[first...i]); start = nil }
                }
                continue
            }
            if depth == 0, let first = start, whitespace.contains(byte) || byte == quote || opening.contains(byte) {
                values.append(bytes[first..<i])
                start = nil
            }
            if whitespace.contains(byte) { continue }
            if start == nil { start = i }
            if byte == quote {
                inString = true
            } else if opening.contains(byte) {
                depth += 1
            } else if closing.contains(byte) {
                depth -= 1
                if depth == 0, let first = start { values.append(bytes[first...i]); start = nil }
            }
        }
        if let first = start { values.append(bytes[first...]) }
        return values
    }
}
