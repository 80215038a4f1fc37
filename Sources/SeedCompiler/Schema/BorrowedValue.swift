/// A `Value` whose text is borrowed UTF-8 bytes: what renderers write literals from,
/// whether the value is in a row's encoding (`EncodedCell`) or a `Value`
/// (`Value.withBorrowed`).
public enum BorrowedValue {
    case null
    case text(UnsafeBufferPointer<UInt8>)
    case integer(Int64)
    case real(Double)
    case boolean(Bool)
    case date(UnsafeBufferPointer<UInt8>)
    case timestamp(UnsafeBufferPointer<UInt8>)
    case binary(UnsafeBufferPointer<UInt8>)
    case decimal(UnsafeBufferPointer<UInt8>)

    public var owned: Value {
        switch self {
        case .null: .null
        case let .text(bytes): .text(String(decoding: bytes, as: UTF8.self))
        case let .integer(i): .integer(i)
        case let .real(d): .real(d)
        case let .boolean(b): .boolean(b)
        case let .date(bytes): .date(String(decoding: bytes, as: UTF8.self))
        case let .timestamp(bytes): .timestamp(String(decoding: bytes, as: UTF8.self))
        case let .binary(bytes): .binary(Array(bytes))
        case let .decimal(bytes): .decimal(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Runs `body` with `Value.text` (the value as a plain string, as keys are
    /// compared): borrowed for a text, made for a number or boolean; nil for NULL,
    /// which has none.
    public func withText<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        var made: String
        switch self {
        case .null: return nil
        case let .text(bytes), let .date(bytes), let .timestamp(bytes), let .decimal(bytes): return body(bytes)
        case let .binary(bytes): return Hex.withText(of: bytes, body)
        case let .integer(i): made = String(i)
        case let .real(d): made = String(d)
        case let .boolean(b): made = b ? "true" : "false"
        }
        return made.withUTF8(body)
    }
}

extension Value {
    /// Runs `body` with this value, its text borrowed.
    public func withBorrowed<T>(_ body: (BorrowedValue) -> T) -> T {
        switch self {
        case .null: body(.null)
        case var .text(s): s.withUTF8 { body(.text($0)) }
        case let .integer(i): body(.integer(i))
        case let .real(d): body(.real(d))
        case let .boolean(b): body(.boolean(b))
        case var .date(s): s.withUTF8 { body(.date($0)) }
        case var .timestamp(s): s.withUTF8 { body(.timestamp($0)) }
        case let .binary(bytes): bytes.withUnsafeBufferPointer { body(.binary($0)) }
        case var .decimal(s): s.withUTF8 { body(.decimal($0)) }
        }
    }
}
