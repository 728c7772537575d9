using DiffPlex;

namespace OolSpecs.Harness.SourceWatch;

/// <summary>Lines added and removed between two versions of a function's body.</summary>
public readonly record struct BodyDiff(int Added, int Removed)
{
    public bool Unchanged => Added == 0 && Removed == 0;

    public static BodyDiff Between(FunctionBody before, FunctionBody after)
    {
        var diff = Differ.Instance.CreateLineDiffs(before.Text, after.Text, ignoreWhitespace: false);
        return new BodyDiff(diff.DiffBlocks.Sum(b => b.InsertCountB), diff.DiffBlocks.Sum(b => b.DeleteCountA));
    }

    public override string ToString() => $"+{Added} −{Removed}";
}
