import ArgumentParser
import Foundation
import SeedCompiler

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content and check that seeds/ is current; writes nothing.",
        discussion: """
        Reports every problem at file:line:column, then compares the compiled output \
        with the files in seeds/ and shows a diff of any that are stale (for a file over \
        1 MiB, the line it starts to differ at), missing or extra. Exit status: 0 when the content is valid and seeds/ is current, 1 otherwise.

        Examples:
          seedc check
          seedc check --root backend --format github
        """
    )

    @OptionGroup var options: ContentOptions

    func run() throws {
        guard let (_, result) = options.compile(), !result.diagnostics.hasErrors else { throw ExitCode.failure }
        let folder = try options.outputFolder()
        let drift = SeedsDrift.compare(result.outputs, with: folder)
        if let failure = result.plan?.spillFailure {
            FileHandle.standardError.write(Data("seedc: error: cannot read the planned rows back from their temporary file: \(failure)\n".utf8))
            throw ExitCode.failure
        }
        if !drift.isEmpty {
            FileHandle.standardError.write(Data(drift.joined().utf8))
            FileHandle.standardError.write(Data("error: \(Compiler.outputFolder)/ is not current: run `seedc build` and commit the result\n".utf8))
            throw ExitCode.failure
        }
        print("seedc: content is valid and \(Compiler.outputFolder)/ is current")
    }
}
