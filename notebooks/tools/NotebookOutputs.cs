// Checks and tidies a notebook that dotnet-repl has executed. A .NET 10 file-based app, run by
// notebooks/run-all.sh as:
//
//   dotnet run notebooks/tools/NotebookOutputs.cs -- <executed.ipynb> <tidied.ipynb>
//
// - Lists every error output (a cell that threw or did not compile) on stderr, and exits 1 if
//   there is any, 2 if the file is missing or is not a notebook, 0 otherwise. dotnet-repl keeps
//   running the cells after a failing one, so the outputs are the evidence, whatever its exit code.
// - Writes the notebook without dotnet-repl's per-cell timestamps (metadata "dotnet_repl_*"), so
//   re-running an unchanged notebook changes only what the computation changed.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: NotebookOutputs.cs <executed.ipynb> <tidied.ipynb>");
    return 2;
}

JsonNode? notebook;
try
{
    notebook = JsonNode.Parse(File.ReadAllText(args[0]));
}
catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"{args[0]}: cannot read the executed notebook: {e.Message}");
    return 2;
}

if (notebook?["cells"] is not JsonArray cells)
{
    Console.Error.WriteLine($"{args[0]}: not a notebook (no \"cells\" array)");
    return 2;
}

int errors = 0, codeCells = 0;
for (int index = 0; index < cells.Count; index++)
{
    if (cells[index] is not JsonObject cell) continue;
    if (cell["metadata"] is JsonObject metadata)
    {
        foreach (string key in metadata.Select(p => p.Key).Where(k => k.StartsWith("dotnet_repl_", StringComparison.Ordinal)).ToList())
            metadata.Remove(key);
    }

    if ((string?)cell["cell_type"] != "code") continue;
    codeCells++;
    if (cell["outputs"] is not JsonArray outputs) continue;
    foreach (var output in outputs.OfType<JsonObject>().Where(o => (string?)o["output_type"] == "error"))
    {
        errors++;
        string source = cell["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
            JsonValue text => (string?)text ?? "",
            _ => "",
        };
        string firstLine = source.Split('\n', 2)[0];
        string message = ((string?)output["evalue"] ?? (string?)output["ename"] ?? "error").Split('\n')[0];
        Console.Error.WriteLine($"{args[0]}: cell {index + 1} ({firstLine.Trim()}) failed: {message}");
    }
}

var options = new JsonSerializerOptions
{
    WriteIndented = true,
    IndentSize = 1,
    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
File.WriteAllText(args[1], notebook.ToJsonString(options) + "\n");

if (errors > 0)
{
    Console.Error.WriteLine($"{args[0]}: {errors} error output(s) in {codeCells} code cells");
    return 1;
}

return 0;
