/// Base64 (RFC 4648, with `=` padding) for `binary` columns: how bytes are written in
/// YAML. Decoding skips white space (a long value may be folded over lines) and
/// refuses anything else that is not of the alphabet.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next(), third = iterator.next()
            let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            out.append(alphabet[Int(group >> 18 & 63)])
            out.append(alphabet[Int(group >> 12 & 63)])
            out.append(second == nil ? UInt8(ascii: "=") : alphabet[Int(group >> 6 & 63)])
            out.append(third == nil ? UInt8(ascii: "=") : alphabet[Int(group & 63)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `text`, or nil when it is not base64.
    static func decode(_ text: String) -> [UInt8]? {
        var digits: [UInt8] = []
        var padding = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "="): padding += 1
            default:
                guard padding == 0, values[Int(byte)] >= 0 else { return nil }
                digits.append(UInt8(values[Int(byte)]))
            }
        }
        guard (digits.count + padding) % 4 == 0, padding <= 2, digits.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count * 3 / 4)
        var index = 0
        while index < digits.count {
            let chunk = digits[index..<min(index + 4, digits.count)]
            var group: UInt32 = 0
            for (offset, digit) in chunk.enumerated() { group |= UInt32(digit) << (18 - 6 * offset) }
            out.append(UInt8(group >> 16 & 0xFF))
            if chunk.count > 2 { out.append(UInt8(group >> 8 & 0xFF)) }
            if chunk.count > 3 { out.append(UInt8(group & 0xFF)) }
            index += 4
        }
        return out
    }
}
