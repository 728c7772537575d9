using OolSpecs.Harness.Docs;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>The docs render a spec's method name as the sentence it stands for, spelled as a reader writes it.</summary>
public sealed class SpecNamesTests
{
    [Theory]
    [InlineData("The_childs_writes_to_a_wiped_mapping_never_reach_the_parent", "The child's writes to a wiped mapping never reach the parent")]
    [InlineData("The_small_copy_size_is_KHEAP_MAX_SIZE_for_this_kernels_arch", "The small-copy size is KHEAP_MAX_SIZE for this kernel's arch")]
    [InlineData("A_large_kept_physical_copy_goes_through_the_kernels_IPC_copy_map", "A large kept physical copy goes through the kernel's IPC copy map")]
    [InlineData("Vm_allocate_memory_is_inherited_as_a_copy_unless_told_otherwise", "vm_allocate'd memory is inherited as a copy unless told otherwise")]
    [InlineData("A_large_virtual_copy_of_malloced_memory_is_copied_or_shared_by_its_regions_tag", "A large virtual copy of malloc'ed memory is copied or shared by its region's tag")]
    [InlineData("After_fork_the_child_shares_the_parents_page_copy_on_write", "After fork the child shares the parent's page copy-on-write")]
    [InlineData("Both_tasks_charges_match_the_approved_snapshot", "Both tasks' charges match the approved snapshot")]
    [InlineData("A_kept_physical_copy_past_7_MiB_is_refused_at_send_and_7_MiB_is_sent", "A kept physical copy past 7 MiB is refused at send and 7 MiB is sent")]
    [InlineData("A_forced_write_that_lands_lands_in_frames_of_the_mappings_own", "A forced write that lands lands in frames of the mapping's own")]
    [InlineData("A_shared_second_view_maps_the_originals_frames", "A shared second view maps the original's frames")]
    public void A_spec_name_reads_as_its_sentence(string name, string sentence) =>
        SpecFamilies.Sentence(name).Should().Be(sentence);

    [Fact]
    public void Every_spec_of_the_assembly_renders_as_a_sentence_without_an_underscore_outside_an_identifier() =>
        SpecFamilies.WithSpecs.SelectMany(SpecFamilies.SpecClasses).SelectMany(SpecFamilies.SpecMethods)
            .Select(m => SpecFamilies.Sentence(m.Name))
            .Where(s => s.Split(' ').Any(w => w.Contains('_') && !w.Split('_').All(p => p.Length > 1 && p.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
                                                                   && !w.StartsWith("vm_allocate", StringComparison.Ordinal)))
            .Should().BeEmpty();
}
