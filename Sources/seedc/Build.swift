import ArgumentParser
import SeedFlows

struct Build: ReportingCommand {
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

    var format: Reporter.Format { options.format }

    func run(_ reporter: Reporter) throws {
        try BuildFlow(content: options.location).run(reporter)
    }
}
