import SeedCompiler

/// libFuzzer's entry point: any bytes, as a YAML file and as a markdown record.
/// Crashes, hangs and unbounded memory are what libFuzzer looks for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = YAMLLoader.loadStream(bytes, file: "fuzz.yaml")
    _ = FrontMatter.split(bytes, file: "fuzz.md")
    return 0
}
