using KnowledgeGraph.Importer;

return await ImporterApp.RunAsync(args, Console.Out, Console.Error);
