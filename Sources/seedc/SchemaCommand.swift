import ArgumentParser
import SeedFlows

struct SchemaCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema (draft 2020-12) of the content, for editors.",
        discussion: """
        The schema covers the seed section's own format (tables, columns, types, \
        options, routes) and the records of each declared table (fields, types, enum, \
        max, pattern, required), in content.yaml and in include files. It is made \
        from the definitions seedc reads by, and from the current seed.tables: \
        regenerate it when the tables change. Problems in the seed section are \
        printed and nothing is written (exit 1); problems in records are not \
        checked here (use `seedc check`).

        Editor set-up (VS Code with the YAML extension, or any editor using \
        yaml-language-server): save the schema and name it in a modeline on the \
        first line of content.yaml and each include file:
          # yaml-language-server: $schema=content.schema.json

        Examples:
          seedc schema > content.schema.json
          seedc schema --root backend > backend/content.schema.json
        """
    )

    @OptionGroup var content: ContentSource

    var format: Reporter.Format { content.format }

    func run(_ reporter: Reporter) throws {
        try SchemaFlow(content: content.location).run(reporter)
    }
}
