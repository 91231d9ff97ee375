namespace KnowledgeGraph.Storage.Sqlite; public static class Placeholder {}
