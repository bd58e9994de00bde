package org.hearth.app.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.hearth.app.shell.Theme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Proposal descriptions as untrusted Markdown: formatted as plain text nodes, hostile input harmless and bounded. */
class MarkdownViewUiTest {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.hearth.app.messages");
    private static final Path SHOTS = Path.of(System.getProperty("hearth.screenshots", "target/screenshots"));
    static final String SAMPLE = """
            # Fund GPU provider onboarding

            Transfer **5,000 HRTH** from the treasury to *onboard* new compute providers. See [the plan](https://forum.example/t/42).

            ## Why
            - providers need `stake` to register
            - 1. nested item

            > Quoted from the forum: <b>bold?</b> <script>alert('x')</script>

            ```
            transfer(0x3C44…93BC, 5000e18)
            ```

            ![diagram](https://tracker.example/pixel.png)
            """;

    @BeforeAll
    static void toolkit() throws Exception {
        Files.createDirectories(SHOTS);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void formatsMarkdownAsTextWithLinkTargetsShownAndNoImageLoaded() throws Exception {
        VBox box = render(SAMPLE);
        List<Text> texts = texts(box);
        assertTrue(has(texts, "5,000 HRTH", "hearth-md-strong"), "bold");
        assertTrue(has(texts, "onboard", "hearth-md-em"), "italic");
        assertTrue(has(texts, "the plan", "hearth-md-link"), "link words");
        assertTrue(has(texts, "\u2009(link to https://forum.example/t/42)", "hearth-md-target"), "the link's real target beside it");
        assertTrue(has(texts, "[image \"diagram\" at https://tracker.example/pixel.png, not loaded]", "hearth-md-target"));
        assertTrue(all(box).stream().noneMatch(n -> n instanceof ImageView), "no image is fetched or shown");
        assertTrue(all(box).stream().noneMatch(n -> n.getClass().getName().contains("WebView")), "no web view");
        // inline HTML is shown as the literal text it is
        assertTrue(has(texts, "<script>", "hearth-md-code") && has(texts, "</script>", "hearth-md-code"), joined(texts));
        assertTrue(labels(box).contains("transfer(0x3C44…93BC, 5000e18)"));
        assertTrue(all(box).stream().anyMatch(n -> n.getStyleClass().contains("hearth-md-quote")));
        assertTrue(has(texts, "Fund GPU provider onboarding", "hearth-md-h1"), "heading");
        show(box, Theme.LIGHT, "governance-markdown-light");
        show(render(SAMPLE), Theme.DARK, "governance-markdown-dark");
    }

    @Test
    void bidiAndInvisibleCharactersAreRemovedAndAHtmlBlockStaysText() throws Exception {
        VBox box = render("Pay \u202Etxt.exe\u202C now\u200B\n\n<div onclick=\"steal()\">click</div>");
        String all = joined(texts(box)) + String.join("", labels(box));
        assertFalse(all.contains("\u202E") || all.contains("\u202C") || all.contains("\u200B"), all);
        assertTrue(all.contains("Pay txt.exe now"), all);
        assertTrue(labels(box).contains("<div onclick=\"steal()\">click</div>"), labels(box).toString());
    }

    @Test
    void deepNestingIsFlattenedAndHugeOrManyPiecedDescriptionsAreCut() throws Exception {
        VBox deep = render(">".repeat(5_000) + " the bottom");
        assertTrue(joined(texts(deep)).contains("the bottom"), "the deepest text is still shown");
        assertTrue(depth(deep) < 4 * MarkdownView.MAX_DEPTH, "nesting depth " + depth(deep));

        VBox huge = render("word ".repeat(400_000));
        assertTrue(joined(texts(huge)).length() <= MarkdownView.MAX_CHARS);
        assertEquals(TEXT.getString("governance.md.truncated"), last(huge));

        VBox many = render("- item\n".repeat(2_500));
        assertEquals(TEXT.getString("governance.md.truncated"), last(many));
        assertTrue(all(many).size() < 10 * MarkdownView.MAX_NODES);
    }

    private static VBox render(String markdown) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> MarkdownView.render(TEXT, markdown, "md")).get(30, TimeUnit.SECONDS);
    }

    private static void show(VBox box, Theme theme, String name) throws Exception {
        javafx.stage.Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            theme.apply();
            ScrollPane scroll = new ScrollPane(box);
            scroll.setFitToWidth(true);
            VBox root = new VBox(scroll);
            VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
            root.setStyle("-fx-padding: 16;");
            Scene scene = new Scene(root, 720, 560);
            scene.getStylesheets().add(MarkdownViewUiTest.class.getResource("/org/hearth/app/hearth.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> box.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
        assertTrue(Files.size(SHOTS.resolve(name + ".png")) > 5_000);
    }

    private static boolean has(List<Text> texts, String s, String style) {
        return texts.stream().anyMatch(t -> t.getText().equals(s) && t.getStyleClass().contains(style));
    }

    private static String joined(List<Text> texts) {
        return String.join("", texts.stream().map(Text::getText).toList());
    }

    private static String last(VBox box) {
        return ((Label) box.getChildren().getLast()).getText();
    }

    private static List<Text> texts(Node root) {
        return all(root).stream().filter(n -> n instanceof Text).map(n -> (Text) n).toList();
    }

    private static List<String> labels(Node root) {
        return all(root).stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    private static List<Node> all(Node root) {
        List<Node> out = new ArrayList<>();
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>(List.of(root));
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            if (n instanceof Parent p) {
                stack.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }

    private static int depth(Node n) {
        int max = 0;
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                max = Math.max(max, depth(c));
            }
        }
        return max + 1;
    }
}
