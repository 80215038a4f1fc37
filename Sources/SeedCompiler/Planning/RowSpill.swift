/// Where a plan's encoded rows go once those kept in memory pass a budget:
/// a temporary file the caller opens (the library does no file I/O of its own).
/// Written in pieces while records stream in, then read back at offsets, from
/// several threads at once (the outputs are rendered in parallel).
///
/// A failure is kept, not thrown: the compiler reports a failed write as an error,
/// and the caller checks `failure` before keeping anything rendered from the rows
/// (a row that could not be read back reads as all zeros, which decodes safely).
public protocol RowSpill: AnyObject, Sendable {
    /// How many bytes of encoded rows the planner keeps in memory before it spills.
    var memoryBudget: Int { get }
    /// Appends `bytes` at the end; where they start, or nil when they could not be written.
    func append(_ bytes: UnsafeRawBufferPointer) -> Int?
    /// Fills `buffer` with the bytes at `offset`; false when they could not be read.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool
    /// Why the first write or read failed, if one did.
    var failure: String? { get }
}
