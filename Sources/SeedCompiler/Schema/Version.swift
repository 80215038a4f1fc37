/// The release of seedc and the version of what it writes. Defined once: `seedc
/// --version`, `scripts/release.sh` (artifact names) and `manifest.json` read it here.
public enum SeedcVersion {
    /// The tool's release (semantic versioning).
    public static let tool = "0.9.0"
    /// The version of the generated outputs' format (`"format"` in `manifest.json`);
    /// it changes only when seeds/ would be read differently.
    public static let contentFormat = 1

    /// `seedc --version`: `seedc 0.9.0 (content format 1)`.
    public static var description: String { "seedc \(tool) (content format \(contentFormat))" }
}
