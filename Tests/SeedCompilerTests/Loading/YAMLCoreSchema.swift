@testable import SeedCompiler

/// The YAML 1.2 core schema, here only to compare a loaded document with the suite's
/// `in.json`: seedc itself never types scalars this way (its schema types each value
/// for the column it goes to).
enum YAMLCoreSchema {
    private static let prefix = "tag:yaml.org,2002:"

    static func json(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case let .scalar(text, style):
            scalar(text, style: style, tag: node.tag)
        case let .sequence(items):
            .array(items.map(json))
        case let .mapping(pairs):
            // JSON has only string keys: a scalar key is its text as written. A repeated
            // key keeps its last value, as JSON parsers do.
            .object(Dictionary(pairs.map { ($0.key.scalar ?? json($0.key).description, json($0.value)) }) { _, last in last })
        }
    }

    /// Plain scalars are resolved, others are strings; an explicit core tag decides
    /// instead. Other tags (`!local`, `!!binary`, `!!set`) do not change the value.
    private static func scalar(_ text: String, style: YAMLNode.ScalarStyle, tag: String?) -> JSONValue {
        switch tag {
        case "!", prefix + "str":
            .string(text)
        case prefix + "null", prefix + "bool", prefix + "int", prefix + "float":
            resolve(text)
        default:
            style == .plain ? resolve(text) : .string(text)
        }
    }

    /// The core schema's resolution of a plain scalar (YAML 1.2.2, 10.3.2). `.inf` and
    /// `.nan` become the `Double` values; JSON cannot write them, so no case compares them.
    static func resolve(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        if text.wholeMatch(of: #/0o[0-7]+/#) != nil, let value = Int(text.dropFirst(2), radix: 8) {
            return .number(Double(value))
        }
        if text.wholeMatch(of: #/0x[0-9a-fA-F]+/#) != nil, let value = Int(text.dropFirst(2), radix: 16) {
            return .number(Double(value))
        }
        // Integers and floats: `Double` reads both; the pattern keeps out what strtod
        // would also take (`0x1p3`, `inf`).
        if text.wholeMatch(of: #/[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/#) != nil, let value = Double(text) {
            return .number(value)
        }
        return .string(text)
    }
}
