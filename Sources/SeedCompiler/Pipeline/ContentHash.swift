import Crypto

/// SHA-256 of the normalized inputs: files sorted by path, each as its path, its
/// length and its bytes with a leading BOM removed and CRLF turned into LF, so the
/// hash is the same on every machine and checkout.
enum ContentHash {
    static func of(_ files: [InputFile]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            file.bytes.withUnsafeBufferPointer { bytes in
                var body = UnsafeBufferPointer(rebasing: bytes[...])
                if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = UnsafeBufferPointer(rebasing: body[3...]) }
                // The CRs of CRLFs are left out: hashed between them, never copied.
                var crlf = 0
                for i in body.indices.dropLast() where body[i] == 0x0D && body[i + 1] == 0x0A { crlf += 1 }
                hasher.update(data: Array("\(file.path)\n\(body.count - crlf)\n".utf8))
                var start = body.startIndex
                for i in body.indices.dropLast() where body[i] == 0x0D && body[i + 1] == 0x0A {
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: body[start..<i])))
                    start = i + 1
                }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: body[start...])))
            }
        }
        return Hex.string(hasher.finalize())
    }
}
