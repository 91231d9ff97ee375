using System.CommandLine;

namespace KnowledgeGraph.Importer;

/// <summary>
/// The command line: <c>validate &lt;dir&gt;</c> and <c>import &lt;dir&gt;</c>. Exit codes: 0 done, 1 invalid data,
/// 2 the store failed. Output goes to the writers given, so tests run it in-process.
/// </summary>
public static class ImporterApp
{
    public const int Ok = 0, InvalidData = 1, StoreFailed = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The dataset directory (e.g. seeds/)" };

        var validate = new Command("validate", "Parse and check every dataset file; print counts per label and relationship type.") { directory };
        validate.SetAction((parse, ct) => Commands.ValidateAsync(parse.GetValue(directory)!, output, error, ct));

        var importDirectory = new Argument<DirectoryInfo>("dir") { Description = "The dataset directory (e.g. seeds/)" };
        var storeOptions = new StoreOptions();
        var import = new Command("import", "Validate, then write the dataset to a store (nothing is written if anything is invalid).") { importDirectory };
        storeOptions.AddTo(import);
        var dryRun = new Option<bool>("--dry-run") { Description = "Write nothing; print what the import would create, update, keep and delete, per label and type" };
        import.Options.Add(dryRun);
        import.SetAction((parse, ct) => Commands.ImportAsync(parse.GetValue(importDirectory)!, storeOptions.Read(parse), output, error, ct, parse.GetValue(dryRun)));

        var root = new RootCommand("Loads the police-misconduct knowledge graph's dataset into a store.") { validate, import };
        root.Subcommands.Add(ExportCommand.Create(output, error));
        root.Subcommands.Add(DraftCommands.Draft(output, error));
        root.Subcommands.Add(DraftCommands.Promote(output, error));
        var parseResult = root.Parse(args);
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
