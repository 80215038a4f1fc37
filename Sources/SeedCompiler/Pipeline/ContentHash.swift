import Crypto

/// SHA-256 of the normalized inputs: files sorted by path, each as its path, its
/// length and the SHA-256 of its bytes with a leading BOM removed and CRLF turned into
/// LF, so the hash is the same on every machine and checkout. Each file is read once,
/// in pieces.
enum ContentHash {
    static func of(_ files: [InputFile]) throws(InputReadError) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            let (length, digest): (Int, SHA256.Digest)
            do {
                (length, digest) = try normalized(file.source)
            } catch {
                throw InputReadError(path: file.path, reason: error.reason)
            }
            hasher.update(data: Array("\(file.path)\n\(length)\n".utf8))
            hasher.update(data: Array(digest))
        }
        return Hex.string(hasher.finalize())
    }

    /// The length and SHA-256 of a file's bytes without a leading BOM and with the CR
    /// of each CRLF left out (hashed between them, never copied).
    private static func normalized(_ source: any ByteSource) throws(SourceReadError) -> (Int, SHA256.Digest) {
        var hasher = SHA256()
        var length = 0
        func hash(_ bytes: UnsafeBufferPointer<UInt8>) {
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
            length += bytes.count
        }
        func hashCR() {
            withUnsafeBytes(of: UInt8(0x0D)) { hash($0.bindMemory(to: UInt8.self)) }
        }
        /// A CR that ended the previous piece: hashed unless the next piece starts with LF.
        var heldCR = false
        func consume(_ piece: Slice<UnsafeBufferPointer<UInt8>>) {
            var body = piece
            if heldCR, body.first != 0x0A { hashCR() }
            heldCR = body.last == 0x0D
            if heldCR { body = body.dropLast() }
            var start = body.startIndex
            for i in body.indices.dropLast() where body[i] == 0x0D && body[i + 1] == 0x0A {
                hash(UnsafeBufferPointer(rebasing: body[start..<i]))
                start = i + 1
            }
            hash(UnsafeBufferPointer(rebasing: body[start...]))
        }
        /// The first three bytes, gathered across pieces: left out when they are a BOM.
        var head: [UInt8] = []
        func consumeHead() {
            if head != [0xEF, 0xBB, 0xBF] { head.withUnsafeBufferPointer { consume($0[...]) } }
        }
        try source.forEachPiece { piece in
            var bytes = piece.bindMemory(to: UInt8.self)[...]
            if head.count < 3 {
                let taken = bytes.prefix(3 - head.count)
                head += taken
                bytes = bytes.dropFirst(taken.count)
                guard head.count == 3 else { return }
                consumeHead()
            }
            // A piece that only completed the head leaves nothing: a CR held from it
            // waits for the next piece.
            if !bytes.isEmpty { consume(bytes) }
        }
        if head.count < 3 { consumeHead() }
        if heldCR { hashCR() }
        return (length, hasher.finalize())
    }
}
