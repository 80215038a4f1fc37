import CFuzzer
import Glibc
import SeedCompiler

/// One input: any bytes, read as a YAML file and as a markdown record. Crashes, hangs
/// and unbounded memory are what libFuzzer looks for. Exported under libFuzzer's name,
/// which its runtime refers to.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    _ = YAMLLoader.loadStream(bytes, file: "fuzz.yaml")
    _ = FrontMatter.split(bytes, file: "fuzz.md")
    return 0
}

// SwiftPM gives an executable its own `main`, so libFuzzer's is not linked; its driver
// is called from here instead.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
