package org.hearth.app.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A proposal description (untrusted Markdown) as plain JavaFX nodes: headings, paragraphs, emphasis,
 * lists, quotes and code become styled text; there is no WebView and nothing runs. HTML is shown as
 * the literal text it is; a link shows its real target beside its words and opens nothing; an image is
 * never fetched, only named with its address. Hostile input is bounded: the text is capped, invisible
 * format characters (bidi overrides) are removed, nesting deeper than {@value #MAX_DEPTH} is flattened,
 * and rendering stops after {@value #MAX_NODES} pieces with a note.
 */
final class MarkdownView {

    static final int MAX_CHARS = 20_000;
    static final int MAX_DEPTH = 8;
    static final int MAX_NODES = 2_000;

    private final ResourceBundle text;
    private int pieces;
    private boolean truncated;

    private MarkdownView(ResourceBundle text) {
        this.text = text;
    }

    /** The description as a box of blocks; its id is {@code id}. */
    static VBox render(ResourceBundle text, String markdown, String id) {
        MarkdownView view = new MarkdownView(text);
        String clean = plain(markdown);
        boolean cut = clean.length() > MAX_CHARS;
        if (cut) {
            clean = clean.substring(0, MAX_CHARS);
        }
        org.commonmark.node.Node doc = Parser.builder().build().parse(clean);
        VBox box = new VBox(8);
        box.setId(id);
        box.getStyleClass().add("hearth-md");
        view.blocks(doc, box.getChildren(), 0);
        if (cut || view.truncated) {
            box.getChildren().add(muted(text.getString("governance.md.truncated")));
        }
        return box;
    }

    /** Untrusted text without bidi overrides, zero-width and other invisible format or private-use characters. */
    static String plain(String s) {
        return s.replaceAll("[\\p{Cf}\\p{Co}\\p{Cs}]", "");
    }

    private void blocks(org.commonmark.node.Node parent, List<Node> out, int depth) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (++pieces > MAX_NODES) {
                truncated = true;
                return;
            }
            if (depth >= MAX_DEPTH) {
                out.add(flow(List.of(styled(literal(n), "hearth-md-text")), "hearth-md-p"));
                continue;
            }
            switch (n) {
                case Heading h -> {
                    List<Text> words = new ArrayList<>();
                    inline(h, words, "hearth-md-h" + Math.min(h.getLevel(), 3), depth);
                    out.add(flow(words, "hearth-md-heading"));
                }
                case BulletList list -> out.add(list(list, false, depth));
                case OrderedList list -> out.add(list(list, true, depth));
                case BlockQuote quote -> {
                    VBox box = new VBox(6);
                    box.getStyleClass().add("hearth-md-quote");
                    blocks(quote, box.getChildren(), depth + 1);
                    out.add(box);
                }
                case FencedCodeBlock code -> out.add(code(code.getLiteral()));
                case IndentedCodeBlock code -> out.add(code(code.getLiteral()));
                case HtmlBlock html -> out.add(code(html.getLiteral())); // shown as the text it is, never interpreted
                case ThematicBreak ignored -> out.add(new Separator());
                default -> out.add(flow(inlines(n, depth), "hearth-md-p"));
            }
        }
    }

    private VBox list(org.commonmark.node.Node list, boolean ordered, int depth) {
        VBox box = new VBox(4);
        box.getStyleClass().add("hearth-md-list");
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            List<Node> content = new ArrayList<>();
            blocks(item, content, depth + 1);
            String marker = ordered ? (number++) + "." : "•";
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, new Label(marker), new VBox(4, content.toArray(Node[]::new)));
            box.getChildren().add(row);
        }
        return box;
    }

    /** The inline children of a block as styled text pieces. */
    private List<Text> inlines(org.commonmark.node.Node block, int depth) {
        List<Text> out = new ArrayList<>();
        inline(block, out, "hearth-md-text", depth);
        return out;
    }

    private void inline(org.commonmark.node.Node parent, List<Text> out, String style, int depth) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (++pieces > MAX_NODES) {
                truncated = true;
                return;
            }
            if (depth >= MAX_DEPTH * 2) {
                out.add(styled(literal(n), style));
                continue;
            }
            switch (n) {
                case org.commonmark.node.Text t -> out.add(styled(t.getLiteral(), style));
                case Code c -> out.add(styled(c.getLiteral(), "hearth-md-code"));
                case Emphasis e -> inline(e, out, "hearth-md-em", depth + 1);
                case StrongEmphasis s -> inline(s, out, "hearth-md-strong", depth + 1);
                case SoftLineBreak ignored -> out.add(styled(" ", style));
                case HardLineBreak ignored -> out.add(styled("\n", style));
                case HtmlInline html -> out.add(styled(html.getLiteral(), "hearth-md-code"));
                case Link link -> {
                    inline(link, out, "hearth-md-link", depth + 1);
                    out.add(styled(String.format(text.getString("governance.md.linkTarget"), link.getDestination()), "hearth-md-target"));
                }
                case Image image -> out.add(styled(String.format(text.getString("governance.md.image"), literal(image),
                        image.getDestination()), "hearth-md-target"));
                default -> inline(n, out, style, depth + 1);
            }
        }
    }

    /** Every text literal under {@code n}, concatenated: what a too-deep or unrendered piece still says. */
    private static String literal(org.commonmark.node.Node n) {
        StringBuilder sb = new StringBuilder();
        java.util.ArrayDeque<org.commonmark.node.Node> stack = new java.util.ArrayDeque<>();
        stack.push(n);
        while (!stack.isEmpty() && sb.length() < MAX_CHARS) {
            org.commonmark.node.Node next = stack.pop();
            switch (next) {
                case org.commonmark.node.Text t -> sb.append(t.getLiteral());
                case Code c -> sb.append(c.getLiteral());
                case SoftLineBreak ignored -> sb.append(' ');
                default -> { }
            }
            List<org.commonmark.node.Node> children = new ArrayList<>();
            for (org.commonmark.node.Node c = next.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return sb.toString();
    }

    private static Text styled(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(style);
        return t;
    }

    private static TextFlow flow(List<Text> pieces, String style) {
        TextFlow flow = new TextFlow(pieces.toArray(Node[]::new));
        flow.getStyleClass().add(style);
        return flow;
    }

    private static Label code(String literal) {
        Label l = new Label(literal.stripTrailing());
        l.getStyleClass().addAll("hearth-mono", "hearth-md-codeblock");
        l.setWrapText(true);
        return l;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("text-muted");
        return l;
    }
}
