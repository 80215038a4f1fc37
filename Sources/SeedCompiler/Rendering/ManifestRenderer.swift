/// `manifest.json`: what was compiled from what, with sorted keys and no timestamps.
enum ManifestRenderer {
    static var formatVersion: Int { SeedcVersion.contentFormat }

    static func render(_ plan: SeedPlan, inputs: [String]) -> String {
        let counts = plan.tables.map(\.name).sorted().map { name in
            "    \(JSONText.quoted(name)): \(plan.tables.first { $0.name == name }!.rows.count)"
        }
        let files = inputs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "    " + JSONText.quoted($0) }
        return """
        {
          "content_sha256": \(JSONText.quoted(plan.contentHash)),
          "format": \(formatVersion),
          "generator": "seedc",
          "inputs": [
        \(files.joined(separator: ",\n"))
          ],
          "records": {
        \(counts.joined(separator: ",\n"))
          }
        }

        """
    }
}
