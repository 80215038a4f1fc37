import Crypto

/// SHA-256 of the normalized inputs: files sorted by path, each as its path, its
/// length and its bytes with a leading BOM removed and CRLF turned into LF, so the
/// hash is the same on every machine and checkout.
enum ContentHash {
    static func of(_ files: [InputFile]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            let bytes = normalized(file.bytes)
            hasher.update(data: Array("\(file.path)\n\(bytes.count)\n".utf8))
            hasher.update(data: bytes)
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        while i < body.endIndex {
            let byte = body[i]
            if byte == 0x0D, body.index(after: i) < body.endIndex, body[body.index(after: i)] == 0x0A {
                i = body.index(after: i)
                continue
            }
            out.append(byte)
            i = body.index(after: i)
        }
        return out
    }
}
