using OolSpecs.Harness.SourceWatch;

namespace OolSpecs.Harness.Tests.SourceWatch;

public class FunctionLocatorTests
{
    const string Source = """
        #include <stdio.h>

        static kern_return_t
        copy_page(int a, int b);

        /* copy_page( in a comment is not a definition */
        static kern_return_t
        copy_page(
        	int a,
        	int b)      /* OUT: a comment before the body */
        {
        	const char *s = "}";  /* a brace in a string, } in a comment */
        	if (a) {
        		return copy_page(b, a);
        	}
        	return '}';
        }

        int helper(void) { return copy_page(1, 2); }

        #define KHEAP_MAX_SIZE (16 * 1024)
        #define SPLIT(x) \
        	((x) + 1)
        """;

    [Fact]
    public void A_definition_is_found_in_xnu_style_and_its_prototype_is_not_taken_for_it()
    {
        var body = FunctionLocator.FindFunction(Source, "copy_page");

        body.Should().NotBeNull();
        body!.StartLine.Should().Be(8);
        body.Lines[0].Should().Be("copy_page(");
        body.Lines[^1].Should().Be("}");
        body.EndLine.Should().Be(17);
    }

    [Fact]
    public void A_definition_with_its_return_type_on_the_same_line_is_found()
    {
        var body = FunctionLocator.FindFunction(Source, "helper");

        body.Should().NotBeNull();
        body!.Lines.Should().Equal("int helper(void) { return copy_page(1, 2); }");
    }

    [Fact]
    public void A_name_only_declared_or_called_is_not_defined()
    {
        FunctionLocator.FindFunction("int missing(void);\nvoid f(void)\n{\n\tmissing();\n}\n", "missing").Should().BeNull();
        FunctionLocator.FindFunction(Source, "printf").Should().BeNull();
    }

    [Fact]
    public void A_brace_left_open_by_an_if_branch_ends_at_the_closing_brace_in_column_0()
    {
        const string unbalanced = "void\nf(void)\n{\n#if A\n\tif (a) {\n#else\n\tif (b) {\n#endif\n\t}\n}\n\nvoid\ng(void)\n{\n}\n";

        FunctionLocator.FindFunction(unbalanced, "f")!.EndLine.Should().Be(10);
    }

    [Fact]
    public void A_macro_is_found_by_its_define_with_its_continued_lines()
    {
        FunctionLocator.FindMacro(Source, "KHEAP_MAX_SIZE")!.Lines.Should().Equal("#define KHEAP_MAX_SIZE (16 * 1024)");
        FunctionLocator.FindMacro(Source, "SPLIT")!.Lines.Should().HaveCount(2);
        FunctionLocator.FindMacro(Source, "KHEAP").Should().BeNull();
    }
}
