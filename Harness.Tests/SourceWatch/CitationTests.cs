using OolSpecs.Harness.SourceWatch;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.SourceWatch;

/// <summary>
/// The claims' citations as a machine can check them: structured, at tags the claim was read at,
/// and, given a clone of XNU's source, each function defined in its file at every tag it is cited at.
/// </summary>
public class CitationTests
{
    static IReadOnlyList<WatchedClaim> Xnu => ClaimCatalogue.Watched(Kernel.Xnu);

    [SkippableFact]
    public void Every_cited_xnu_function_is_defined_in_its_file_at_every_tag_it_is_cited_at()
    {
        var tree = XnuSource.OpenOrSkip("checking every XNU citation");

        // One line per wrong citation, all of them in the failure.
        string.Join('\n', CitationCheck.Problems(tree, Xnu)).Should().BeEmpty("every cited function must be defined in its cited file at each tag its claim lists");
    }

    [Fact]
    public void Every_claim_cites_a_function_and_lists_the_tags_it_was_read_at()
    {
        ClaimCatalogue.All.Should().NotBeEmpty();
        foreach (var (name, claim) in ClaimCatalogue.All)
        {
            claim.Source.Citations.Should().NotBeEmpty("{0} must say what decides it", name);
            claim.Source.Tags.Should().NotBeEmpty("{0} must say where it was read", name);
            if (claim.Kernel == Kernel.Xnu)
            {
                claim.Source.Tags.Should().BeSubsetOf(XnuTags.All, "{0} lists only tags that were read", name);
                claim.Source.Citations.SelectMany(c => c.Only ?? []).Should().BeSubsetOf(claim.Source.Tags, "{0} cites a function only at tags it was read at", name);
            }
        }
    }

    [Fact]
    public void The_fork_write_is_cited_where_the_work_is_done()
    {
        var writes = ClaimCatalogue.All.Where(c => c.Name.StartsWith("ForkCopyOnWrite.XnuForkClaims.ChildCopies", StringComparison.Ordinal)).Single().Claim;

        writes.Source.Citations.Select(c => c.Function).Should().Contain([XnuFunctions.VmMapLookupAndLockObject, XnuFunctions.VmFaultInternal])
            .And.NotContain(XnuFunctions.VmFaultPage);
    }

    [Fact]
    public void The_docs_render_each_citation_with_its_file_and_a_moved_function_with_its_file_per_tag()
    {
        var source = KernelSource.Xnu(XnuFunctions.MachVmAllocateKernel.Because("enters the range"), XnuFunctions.VmMapFork);

        source.DecidedBy.Should().Be(
            "`mach_vm_allocate_kernel` in `osfmk/vm/vm_user.c` at xnu-10002.81.5, `osfmk/vm/vm_kern.c` at xnu-11215.81.4, xnu-11417.121.6 (enters the range), " +
            "`vm_map_fork` in `osfmk/vm/vm_map.c`");
        source.ReadOnlyAt(XnuTags.Xnu10002).DecidedBy.Should().StartWith("`mach_vm_allocate_kernel` in `osfmk/vm/vm_user.c` (enters the range)");
        source.ReadAt.Should().Be("xnu-10002.81.5, xnu-11215.81.4, xnu-11417.121.6");
    }

    [Fact]
    public void Every_claim_is_asserted_by_a_spec_found_in_the_compiled_specs()
    {
        var claims = ClaimCatalogue.Watched(Kernel.Xnu).Concat(ClaimCatalogue.Watched(Kernel.Linux)).ToList();

        claims.Should().HaveCount(ClaimCatalogue.All.Count);
        claims.Where(c => c.Specs.Count == 0).Select(c => c.Name).Should().BeEmpty("every claim is asserted by some spec");
        claims.Single(c => c.Name == "OolTransfer.LimitClaims.PhysicalCopyPastTheLimitIsRefused").Specs
            .Should().OnlyContain(s => s.StartsWith("OolSpecs.Specs.OolTransfer.PhysicalCopyLimitSpec.", StringComparison.Ordinal));
    }
}
