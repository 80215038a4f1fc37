import ArgumentParser
import SeedFlows

struct Capture: ReportingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn rows created in the live app into versioned records.",
        discussion: """
        Reads the chosen tables (default: every declared table that is not a markdown \
        collection), keeps the rows whose natural key is not yet in content, and \
        appends them, sorted by key, where the table's records already are: \
        content.yaml's seed.records, or the include file holding them (--into FILE: \
        that file, inside the root, created when missing). A private table's rows \
        (accounts) never go to content.yaml: they go to records/<table>.yaml, which \
        is created and added to seed.include when missing. Every other byte stays as it was, and \
        nothing is written unless the content with the new records compiles. Rows \
        with a true `deleted` column are skipped unless --include-deleted; password \
        columns become {env: NAME} and the variables to set are listed; columns the \
        database or the app fill (ids, `default: now` timestamps, app_owned columns) \
        are left out; a reference is written as the target row's natural key, never \
        its id. Nothing is written when a value would not come back as stored (a \
        datetime outside its column's format) or two rows share a natural key. A \
        second capture adds nothing.

        Examples:
          seedc capture --database app.db --dry-run
          seedc capture --database app.db --table users --into records/users.yaml
          DATABASE_URL=postgres://app@db/app seedc capture --table whatsapp_groups
        """
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var database: DatabaseOption

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A table to capture (repeatable).", valueName: "table"))
    var table: [String] = []

    @Option(name: .long, help: ArgumentHelp("Append to this record file (relative to the root, inside it) instead of content.yaml.", valueName: "file"))
    var into: String?

    @Flag(name: .long, help: "Print what would be added; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Capture rows whose `deleted` column is true too.")
    var includeDeleted = false

    var format: Reporter.Format { content.format }

    func validate() throws {
        if content.source.schema != nil, into == nil {
            throw ValidationError("with --schema, the seed section is not content.yaml's: give --into FILE")
        }
    }

    func run(_ reporter: Reporter) throws {
        var flow = CaptureFlow(content: content.location, database: database.choice)
        flow.tables = table
        flow.into = into
        flow.dryRun = dryRun
        flow.includeDeleted = includeDeleted
        try flow.run(reporter)
    }
}
