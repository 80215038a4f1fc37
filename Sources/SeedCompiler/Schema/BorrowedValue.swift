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

    public var owned: Value {
        switch self {
        case .null: .null
        case let .text(bytes): .text(String(decoding: bytes, as: UTF8.self))
        case let .integer(i): .integer(i)
        case let .real(d): .real(d)
        case let .boolean(b): .boolean(b)
        case let .date(bytes): .date(String(decoding: bytes, as: UTF8.self))
        case let .timestamp(bytes): .timestamp(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// `Value.text` (the value as a plain string, as keys are compared), written
    /// into `out`; false for NULL, which has none.
    public func appendText(to out: inout [UInt8]) -> Bool {
        switch self {
        case .null: return false
        case let .text(bytes), let .date(bytes), let .timestamp(bytes): out.append(contentsOf: bytes)
        case let .integer(i): out.append(contentsOf: String(i).utf8)
        case let .real(d): out.append(contentsOf: String(d).utf8)
        case let .boolean(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        }
        return true
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
        }
    }
}
