extension YAMLConformanceTests {
    /// yaml-test-suite cases where the loader does not conform, by case id, with why.
    /// All of them are libyaml 0.2.5's: it parses YAML 1.1, and the loader passes its
    /// events and errors on unchanged.
    static let knownDeviations: [String: String] = [
        // Valid YAML that libyaml rejects: empty (null) implicit keys.
        "2JQS": "libyaml rejects block mapping entries with an empty key (`: a`)",
        "6M2F": "libyaml rejects an empty key after an explicit entry (`: *a`)",
        "CFD4": "libyaml rejects an empty key in a flow sequence pair (`[ : empty key ]`)",
        "M2N8/00": "libyaml rejects an empty explicit key with an empty implicit key (`- ? : x`)",
        "NHX8": "libyaml rejects a mapping with only an empty key (`:`)",
        "NKF9": "libyaml rejects empty keys in block and flow mappings",
        "S3PD": "libyaml rejects an entry with empty key and value (`: # Both empty`)",
        "SM9W/01": "libyaml rejects a stream that is just `:`",
        "UKK6/00": "libyaml rejects an empty key in a sequence entry (`- :`)",

        // Valid YAML that libyaml rejects: `:` next to a flow value (YAML 1.2 allows it).
        "4ABK": "libyaml rejects `:` followed by `,` in a flow mapping (`omitted value:,`)",
        "58MP": "libyaml rejects a flow plain scalar starting with `:` (`{x: :x}`)",
        "5MUD": "libyaml rejects `:value` after a JSON-like key on the next line",
        "5T43": "libyaml rejects `:` adjacent to a value after a JSON-like key (`\"key\"::value`)",
        "DBG4": "libyaml rejects a flow plain scalar starting with `::` (`::vector`)",
        "FRK4": "libyaml rejects `:` followed by `,` and an empty key in a flow mapping",
        "HM87/00": "libyaml rejects a flow plain scalar starting with `:` (`[:x]`)",
        "K3WX": "libyaml rejects `:value` after a comment that follows a flow key",

        // Valid YAML that libyaml rejects: flow keys whose `:` or text spans lines.
        "4MUZ/00": "libyaml rejects a flow mapping `:` on the line after a quoted key",
        "4MUZ/01": "libyaml rejects a flow mapping `:` on the line after a quoted key",
        "4MUZ/02": "libyaml rejects a flow mapping `:` on the line after a plain key",
        "9SA2": "libyaml rejects a double-quoted flow key spanning two lines",
        "NJ66": "libyaml rejects a plain flow key spanning two lines",
        "UT92": "libyaml rejects a plain flow key spanning two lines (`matches\\n%`)",
        "VJP3/01": "libyaml rejects a flow key whose `:` and value are on later lines",

        // Valid YAML that libyaml rejects: directives.
        "2LFX": "libyaml rejects a reserved directive (`%FOO`) instead of ignoring it",
        "6LVF": "libyaml rejects a reserved directive (`%FOO`) instead of ignoring it",
        "MUS6/05": "libyaml rejects a reserved directive (`%YAM`) instead of ignoring it",
        "MUS6/06": "libyaml rejects a reserved directive (`%YAMLL`) instead of ignoring it",
        "BEC7": "libyaml rejects `%YAML 1.3` (should warn and parse)",
        "W4TN": "libyaml reads `%` at column 1 inside a block scalar as a directive",

        // Valid YAML that libyaml rejects or misreads: documents and block scalars.
        "7Z25": "libyaml requires `---` before a bare document that follows `...`",
        "M7A3": "libyaml requires `---` before a bare document that follows `...`",
        "DK3J": "libyaml rejects a top-level folded scalar with unindented content",
        "FP8R": "libyaml rejects a top-level folded scalar with unindented content",
        "HWV9": "libyaml rejects a stream that is only `...`",
        "QT73": "libyaml rejects a stream of a comment and `...`",
        "JEF9/02": "libyaml drops the line break of a block scalar's last line when the stream has no final one",
        "L24T/01": "libyaml drops the line break of a block scalar's last line when the stream has no final one",

        // Valid YAML that libyaml rejects: tabs as separation or in block scalars.
        "6BCT": "libyaml rejects a tab after `:` or `-` as separation",
        "A2M4": "libyaml rejects a tab after `-` as separation",
        "Y79Y/010": "libyaml rejects a tab after `-` as separation (`-\\t-1`)",
        "6CA3": "libyaml rejects tabs before a top-level flow sequence",
        "Q5MG": "libyaml rejects a tab before a top-level flow mapping",
        "DK95/00": "libyaml rejects a tab before a continuation line of a plain scalar",
        "DK95/03": "libyaml rejects a line of only spaces and a tab before the first key",
        "DK95/04": "libyaml rejects a line holding only a tab between mapping entries",
        "96NN/00": "libyaml rejects a tab at the start of block scalar content",
        "96NN/01": "libyaml rejects a tab at the start of block scalar content",
        "R4YG": "libyaml rejects a tab at the start of folded scalar content",
        "Y79Y/001": "libyaml rejects a line holding a tab inside a literal scalar",

        // Valid YAML that libyaml rejects or misreads: anchors and `?` in flow.
        "2SXE": "libyaml rejects `:` in an anchor name (`&a:`)",
        "8XYN": "libyaml rejects a non-ASCII anchor name",
        "W5VH": "libyaml rejects anchor names with `:@*!$\"<>`",
        "Y2GN": "libyaml ends the anchor `&an:chor` at `:`, so the value reads `:chor value`",
        "652Z": "libyaml reads `?foo` in a flow mapping as an explicit key `foo`",
        "HM87/01": "libyaml reads `[?x]` as a flow pair with key `x` instead of the scalar `?x`",

        // Invalid YAML that libyaml accepts: indentation it does not check.
        "9C9N": "libyaml accepts flow sequence lines less indented than their key",
        "QB6E": "libyaml accepts quoted scalar lines less indented than their key",
        "DK95/01": "libyaml accepts a tab indenting a double-quoted continuation line",
        "Y79Y/003": "libyaml accepts a tab indenting a flow sequence entry in a block",
        "S98Z": "libyaml accepts leading empty lines more indented than a block scalar's content",

        // Invalid YAML that libyaml accepts: comments without preceding whitespace.
        "9JBA": "libyaml accepts `#` right after a flow sequence's `]`",
        "CVW2": "libyaml accepts `#` right after a flow sequence's `,`",
        "SU5Z": "libyaml accepts `#` right after a double-quoted scalar",
        "X4QW": "libyaml accepts `#` right after a block scalar indicator",
        "MUS6/00": "libyaml accepts `#` right after a `%YAML` directive's version",

        // Invalid YAML that libyaml accepts: directives without a preceding `...`.
        "9HCY": "libyaml accepts `%TAG` after a bare document without `...`",
        "EB22": "libyaml accepts `%YAML` after a document without `...`",
        "RHX7": "libyaml accepts `%YAML` after a document without `...`",
        "MUS6/01": "libyaml accepts a second `%YAML` after a document without `...`",

        // Invalid YAML that libyaml accepts: `-` as a flow scalar.
        "G5U8": "libyaml accepts `-` as a plain scalar in a flow sequence",
        "YJV2": "libyaml accepts `-` as a plain scalar in a flow sequence",
    ]
}
