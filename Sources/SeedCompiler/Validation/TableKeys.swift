/// One table's natural keys, in the order its records arrived, packed into one byte
/// buffer, with where each record is: what finding duplicates and ordering the rows
/// need, without a dictionary entry or a String per record.
///
/// A key is encoded so that comparing the bytes compares the keys: each value's
/// UTF-8 bytes (a NUL written as 00 FF), then 00 00. Keys therefore order by their
/// values' bytes, value by value, as SQLite compares text; two keys are the same when
/// their bytes are.
struct TableKeys {
    private var bytes: [UInt8] = []
    /// Where each key ends in `bytes`.
    private var ends: [Int] = []
    private var places: [RecordPlace] = []

    var count: Int { ends.count }

    mutating func append(_ key: [String], at place: RecordPlace) {
        for value in key {
            for byte in value.utf8 {
                bytes.append(byte)
                if byte == 0 { bytes.append(0xFF) }
            }
            bytes.append(contentsOf: [0, 0])
        }
        ends.append(bytes.count)
        places.append(place)
    }

    func place(of ordinal: Int) -> RecordPlace {
        places[ordinal]
    }

    /// Whether the record has a key (a record missing its key is reported elsewhere).
    func hasKey(_ ordinal: Int) -> Bool {
        ends[ordinal] > (ordinal == 0 ? 0 : ends[ordinal - 1])
    }

    /// The ordinals of the records sorted by key; the same keys in arrival order.
    func order() -> [Int32] {
        bytes.withUnsafeBufferPointer { buffer in
            let key = { (ordinal: Int32) in
                UnsafeBufferPointer(rebasing: buffer[(ordinal == 0 ? 0 : ends[Int(ordinal) - 1])..<ends[Int(ordinal)]])
            }
            return (0..<Int32(ends.count)).sorted { a, b in
                let (left, right) = (key(a), key(b))
                for i in 0..<min(left.count, right.count) where left[i] != right[i] {
                    return left[i] < right[i]
                }
                return left.count != right.count ? left.count < right.count : a < b
            }
        }
    }

    /// A record's key values, decoded.
    func values(of ordinal: Int) -> [String] {
        var values: [String] = []
        var value: [UInt8] = []
        var i = ordinal == 0 ? 0 : ends[ordinal - 1]
        while i < ends[ordinal] {
            if bytes[i] == 0 {
                i += 1
                if bytes[i] == 0 {
                    values.append(String(decoding: value, as: UTF8.self))
                    value = []
                } else {
                    value.append(0)
                }
            } else {
                value.append(bytes[i])
            }
            i += 1
        }
        return values
    }

    /// Whether two records have the same key.
    func sameKey(_ a: Int, _ b: Int) -> Bool {
        let start = { (ordinal: Int) in ordinal == 0 ? 0 : ends[ordinal - 1] }
        return bytes[start(a)..<ends[a]].elementsEqual(bytes[start(b)..<ends[b]])
    }
}

/// Where a record is, compactly: its location, and how messages name it.
struct RecordPlace {
    /// An index into the checker's file names.
    var file: Int32
    var start: (line: Int32, column: Int32)
    var end: (line: Int32, column: Int32)
    /// `n` for the `n`th record of its table's list (`table[n]`), -1 for a markdown
    /// file (named by its path).
    var item: Int32
}
