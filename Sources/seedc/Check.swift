import ArgumentParser
import SeedFlows

struct Check: ReportingCommand {
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

    var format: Reporter.Format { options.format }

    func run(_ reporter: Reporter) throws {
        try CheckFlow(content: options.location).run(reporter)
    }
}
