using OolSpecs.Harness.Docs;
using OolSpecs.Harness.Tests.Snapshots;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>Opening docs/families in Finder leaves metadata there; that is no stale page, and `docs` leaves it alone.</summary>
public sealed class FinderMetadataTests : IDisposable
{
    readonly TempCheckout checkout = new();

    public void Dispose() => checkout.Dispose();

    [Theory]
    [InlineData(".DS_Store")]
    [InlineData("._ForkCopyOnWrite.md")]
    public void Finder_metadata_beside_the_family_pages_is_not_a_stray_page(string name)
    {
        var metadata = Path.Combine(checkout.Root, "docs", "families", name);
        File.WriteAllBytes(metadata, [0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]);

        checkout.Docs.Stale().Should().BeEmpty("a Mac user's checkout is as current as anyone's");
        checkout.Docs.Write().Should().BeEmpty();
        File.Exists(metadata).Should().BeTrue("docs removes only pages it once made");
    }

    [Fact]
    public void A_page_no_family_makes_is_still_stray()
    {
        File.WriteAllText(Path.Combine(checkout.Root, "docs", "families", "GoneFamily.md"), "# gone\n");

        checkout.Docs.Stale().Should().Equal("docs/families/GoneFamily.md");
    }
}
