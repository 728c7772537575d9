using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.SecondMapping;
using static OolSpecs.Harness.Scenarios.SecondViewSteps;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// The SecondMapping claims judged on made-up runs: the XNU rows cannot run here, so their
/// logic is shown to pass a run as the source reads and to fail one that departs from it, naming
/// where; the Linux forced write is judged on the outcome this kernel's setting did not give.
/// </summary>
public sealed class SecondViewClaimTests
{
    const long Bytes = 8192;

    static readonly ContentCheck Holds = new(true, Bytes, null);

    static ContentCheck Differs(int expected, int actual) => new(false, Bytes, new ContentMismatch(0, expected, actual));

    // The probe's seeds: the original's fill, the original's write, the view's write.
    const int Fill = 0x3b, OriginalWrite = 0x3e, ViewWrite = 0x9d;

    static SecondViewContent Shared => new(Holds, Holds, Holds, Differs(Fill, OriginalWrite), Holds, Holds, Differs(OriginalWrite, ViewWrite));

    static SecondViewContent Copied => new(Holds, Holds, Differs(OriginalWrite, Fill), Holds, Holds, Differs(ViewWrite, OriginalWrite), Holds);

    static SecondViewRun Run(Kernel kernel, SecondViewWay way, SecondViewContent content, params ViewCall[] calls)
    {
        var made = calls[^1].Done;
        return new SecondViewRun("second-view", kernel, way, "made up", "made up", 4096, 2, ViewOriginal.Memory, calls,
            [.. InOrder.Select(step => new SecondViewStep(step, new ViewSide(), made ? new ViewSide() : null))],
            new ViewWrites(new ViewWrite(true, true, null), new ViewWrite(made, made, null)), content);
    }

    static ViewCall Done(string call) => new(call, true, null, 0);

    [Fact]
    public void An_xnu_shared_view_as_the_source_reads_raises_nothing_and_one_that_kept_a_write_to_itself_is_named()
    {
        var run = Run(Kernel.Xnu, SecondViewWay.RemapShare, Shared, Done("mach_vm_remap(copy = FALSE)"));
        SharedViewClaims.WritesCross(run).Violations.Should().BeEmpty();

        var kept = run with { Content = Shared with { OriginalSeesViewWrite = Differs(ViewWrite, OriginalWrite), OriginalKeepsOwn = Holds } };
        SharedViewClaims.WritesCross(kept).Violations.Should().Equal(
            "the original does not read the view's write: offset 0: read 0x3e, expected 0x9d",
            "the original reads its own write, which the view wrote over");
    }

    [Fact]
    public void An_xnu_copy_that_sees_the_originals_later_write_breaks_its_claim()
    {
        var run = Run(Kernel.Xnu, SecondViewWay.RemapCopy, Copied, Done("mach_vm_remap(copy = TRUE)"));
        CopiedViewClaims.CopyStays(run).Violations.Should().BeEmpty();

        var leaky = run with { Content = Copied with { ViewSeesOriginalWrite = Holds, ViewKeepsFill = Differs(Fill, OriginalWrite) } };
        CopiedViewClaims.CopyStays(leaky).Violations.Should().Equal(
            "the view reads the original's later write",
            "the view does not read the fill as it was at the copy: offset 0: read 0x3e, expected 0x3b");
    }

    static XnuRegion Region(ulong objectId, XnuShareMode mode) =>
        new(0, 8192, 0, 3, 7, 1, 0, 0, 2, 0, 0, 0, 2, 0, 0, (int)mode, false, 0, (uint)objectId, 0, 0, objectId);

    static SecondViewStep Step(string step, ulong original, XnuShareMode originalMode, ulong view, XnuShareMode viewMode) =>
        new(step, new ViewSide(Region(original, originalMode)), new ViewSide(Region(view, viewMode)));

    [Fact]
    public void An_xnu_copy_that_maps_the_originals_object_or_shares_before_a_write_breaks_its_region_claim()
    {
        // As the source reads mach_vm_remap copy = TRUE: the view maps a delayed copy (0xc) of the original's object (0xa), then the original keeps writing into 0xa.
        var run = Run(Kernel.Xnu, SecondViewWay.RemapCopy, Copied, Done("mach_vm_remap(copy = TRUE)")) with
        {
            Steps =
            [
                Step(AfterView, 0xa, XnuShareMode.SM_TRUESHARED, 0xc, XnuShareMode.SM_COW),
                Step(AfterOriginalWrite, 0xa, XnuShareMode.SM_TRUESHARED, 0xc, XnuShareMode.SM_COW),
                Step(AfterViewWrite, 0xa, XnuShareMode.SM_TRUESHARED, 0xc, XnuShareMode.SM_COW),
            ],
        };
        CopiedViewClaims.OwnObject(run).Violations.Should().BeEmpty();

        var sharesAfterWrite = run with { Steps = [run.Steps[0], Step(AfterOriginalWrite, 0xa, XnuShareMode.SM_COW, 0xa, XnuShareMode.SM_COW), run.Steps[2]] };
        CopiedViewClaims.OwnObject(sharesAfterWrite).Violations.Should().Equal("after-original-write: the view maps the original's object 0xa");

        var sharedBeforeWrite = run with { Steps = [Step(AfterView, 0xa, XnuShareMode.SM_TRUESHARED, 0xc, XnuShareMode.SM_TRUESHARED), run.Steps[1], run.Steps[2]] };
        CopiedViewClaims.OwnObject(sharedBeforeWrite).Violations.Should().Equal("after-view: the view's region is SM_TRUESHARED, not SM_COW");

        var noRegion = run with { Steps = [new SecondViewStep(AfterView, new ViewSide(), new ViewSide()), run.Steps[1], run.Steps[2]] };
        CopiedViewClaims.OwnObject(noRegion).Violations.Should().Equal("after-view: the original has no region");
    }

    [Fact]
    public void A_refusal_is_judged_by_its_exact_code_and_a_view_that_was_made_is_no_refusal()
    {
        var original = new SecondViewContent(null, Holds, null, null, null, null, Holds);
        var refused = Run(Kernel.Xnu, SecondViewWay.EntryReadOnly, original, Done("mach_make_memory_entry_64"), new ViewCall("mach_vm_map", false, "KERN_INVALID_RIGHT", 17));
        RefusedViewClaims.Refused(refused).Violations.Should().BeEmpty();

        var otherCode = Run(Kernel.Xnu, SecondViewWay.EntryReadOnly, original, Done("mach_make_memory_entry_64"), new ViewCall("mach_vm_map", false, "KERN_PROTECTION_FAILURE", 2));
        RefusedViewClaims.Refused(otherCode).Violations.Should().Equal("the refusal is KERN_PROTECTION_FAILURE (2), not KERN_INVALID_RIGHT");

        var made = Run(Kernel.Linux, SecondViewWay.MremapPrivate, Shared, Done("mremap"));
        RefusedViewClaims.Refused(made).Violations.Should().Contain("the view was made");
    }

    [Fact]
    public void A_forced_write_refused_with_eio_keeps_the_claim_and_leaves_the_copy_unverified_any_other_refusal_breaks_it()
    {
        var content = new SecondViewContent(Holds, Holds, Holds, Differs(Fill, OriginalWrite), Differs(ViewWrite, OriginalWrite), Differs(ViewWrite, OriginalWrite), Holds);
        var run = Run(Kernel.Linux, SecondViewWay.ProcMemPrivateFile, content, Done("mmap(PROT_READ, MAP_PRIVATE)")) with
        {
            OriginalIs = ViewOriginal.File,
            Writes = new ViewWrites(new ViewWrite(true, true, null), new ViewWrite(true, false, "EIO")),
        };

        ForcedWriteClaims.FileUnchanged(run).Violations.Should().BeEmpty();
        var copies = ForcedWriteClaims.Copies(run);
        copies.Violations.Should().BeEmpty();
        copies.Unverified.Should().ContainSingle().Which.Should().Contain("refused (EIO)");

        var eperm = run with { Writes = new ViewWrites(new ViewWrite(true, true, null), new ViewWrite(true, false, "EPERM")) };
        ForcedWriteClaims.FileUnchanged(eperm).Violations.Should().Equal("the forced write was refused with EPERM, not EIO");
    }
}
