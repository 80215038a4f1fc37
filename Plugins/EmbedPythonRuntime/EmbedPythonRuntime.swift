import Foundation
import PackagePlugin

/// Compiles `Rendering/Python/seed_runtime.py` into the target as a Swift string, so the
/// runtime stays a real Python file (checked and tested by Python tools) and the
/// release stays one binary (no resource bundle beside it).
@main
struct EmbedPythonRuntime: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = target.directoryURL.appending(path: "Rendering/Python/seed_runtime.py")
        let output = context.pluginWorkDirectoryURL.appending(path: "PythonRuntimeText.swift")
        return [.buildCommand(
            displayName: "Embedding the Python runtime",
            executable: try context.tool(named: "EmbedText").url,
            arguments: [input.path, output.path, "PythonRuntimeText"],
            inputFiles: [input],
            outputFiles: [output]
        )]
    }
}
