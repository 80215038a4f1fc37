import ArgumentParser
import Foundation
import SeedCompiler

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content and write seeds/ (only files whose bytes changed).",
        discussion: """
        Writes nothing when the content has an error. Exit status: 0 on success, \
        1 when the content has errors or seeds/ cannot be written.

        Examples:
          seedc build
          seedc build --root backend
        """
    )

    @OptionGroup var options: ContentOptions

    func run() throws {
        guard let (_, result) = options.compile(), !result.diagnostics.hasErrors else { throw ExitCode.failure }
        let folder = try options.outputFolder()
        let written: [String]
        do {
            written = try OutputWriter(folder: folder, shownAs: options.out ?? Compiler.outputFolder).write(result.outputs, plan: result.plan)
        } catch {
            FileHandle.standardError.write(Data("seedc: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let records = result.plan?.tables.reduce(0) { $0 + $1.rows.count } ?? 0
        let tables = result.plan?.tables.count ?? 0
        let status = written.isEmpty ? "already up to date" : "wrote \(written.joined(separator: ", "))"
        print("seedc: \(records) records in \(tables) tables; \(Compiler.outputFolder)/ \(status)")
    }
}
