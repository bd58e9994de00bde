package org.hearth.app.governance;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.app.control.Labels;
import org.hearth.chain.review.ReviewWarning;
import org.hearth.chain.session.ChainSession;
import org.hearth.dao.Governor;
import org.hearth.dao.ProposalAction;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Write a proposal: title and Markdown description with a live preview, actions from recipes or an
 * actions JSON import, each shown in words with its warnings (the decoding preview), a simulation on
 * a throwaway fork, and only then "Propose", which checks the proposal threshold and opens the review.
 */
final class ProposalBuilderPane extends VBox {

    ProposalBuilderPane(ResourceBundle text, ChainSession session, Governor governor, Supplier<String> account, GovernanceSigning signing,
                        Runnable back) {
        super(12);
        setId("builder-pane");
        setPadding(new Insets(24));
        ProposalBuilderModel model = new ProposalBuilderModel();

        TextField title = new TextField();
        title.setId("builder-title");
        title.setPromptText(text.getString("governance.builder.titlePrompt"));
        title.textProperty().bindBidirectional(model.title);
        TextArea body = new TextArea();
        body.setId("builder-body");
        body.setPromptText(text.getString("governance.builder.bodyPrompt"));
        body.setPrefRowCount(5);
        body.setWrapText(true);
        body.textProperty().bindBidirectional(model.body);
        VBox preview = new VBox();
        preview.setId("builder-preview");
        Runnable showPreview = () -> preview.getChildren().setAll(MarkdownView.render(text, model.description(), "builder-preview-text"));
        model.title.addListener((obs, was, is) -> showPreview.run());
        model.body.addListener((obs, was, is) -> showPreview.run());
        showPreview.run();

        VBox actions = new VBox(4);
        actions.setId("builder-actions");
        model.described.addListener((javafx.collections.ListChangeListener<ProposalAction>) c -> {
            actions.getChildren().clear();
            for (ProposalAction a : model.described) {
                Label words = new Label(ProposalDetail.actionText(text, a));
                words.setId("builder-action-" + (a.index() + 1));
                words.setWrapText(true);
                Button remove = new Button(text.getString("governance.builder.remove"));
                remove.setId("builder-remove-" + (a.index() + 1));
                remove.setOnAction(e -> model.remove(session, a.index()));
                HBox row = new HBox(8, words, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                actions.getChildren().add(row);
                for (ReviewWarning w : a.warnings()) {
                    Label warning = new Label(ProposalDetail.warningText(text, w));
                    warning.getStyleClass().add("danger");
                    warning.setWrapText(true);
                    actions.getChildren().add(warning);
                }
            }
        });

        RecipeForm form = new RecipeForm(text, session, governor);
        ComboBox<RecipeForm.Recipe> recipe = new ComboBox<>();
        recipe.setId("builder-recipe");
        recipe.getItems().setAll(RecipeForm.Recipe.values());
        recipe.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RecipeForm.Recipe r) {
                return r == null ? "" : text.getString("governance.recipe." + r.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public RecipeForm.Recipe fromString(String s) {
                return null;
            }
        });
        recipe.setValue(RecipeForm.Recipe.TOKEN);
        recipe.valueProperty().addListener((obs, was, is) -> form.show(is));
        Button add = new Button(text.getString("governance.builder.add"), new FontIcon("fth-plus"));
        add.setId("builder-add");
        add.setOnAction(e -> model.add(session, form.entry()));

        TextArea importJson = new TextArea();
        importJson.setId("builder-import");
        importJson.setPromptText(text.getString("governance.builder.importPrompt"));
        importJson.setPrefRowCount(2);
        Button importButton = new Button(text.getString("governance.builder.import"));
        importButton.setId("builder-import-apply");
        importButton.disableProperty().bind(importJson.textProperty().isEmpty());
        importButton.setOnAction(e -> model.importJson(session, importJson.getText()));

        VBox simulation = new VBox();
        model.simulation.addListener((obs, was, is) -> simulation.getChildren().setAll(is == null ? new VBox() : SimulationView.of(text, is)));
        Button simulate = new Button(text.getString("governance.simulate"), new FontIcon("fth-cpu"));
        simulate.setId("builder-simulate");
        simulate.disableProperty().bind(model.busy.or(javafx.beans.binding.Bindings.isEmpty(model.entries)).or(model.title.isEmpty()));
        simulate.setOnAction(e -> model.simulate(session, governor, account.get()));
        Button propose = new Button(text.getString("governance.builder.propose"), new FontIcon("fth-send"));
        propose.setId("builder-propose");
        propose.getStyleClass().add("accent");
        propose.disableProperty().bind(model.busy.or(model.simulated.not()).or(signing.busy));
        propose.setOnAction(e -> model.propose(session, governor, account.get(), signing));
        Label hint = Labels.muted(text.getString("governance.builder.simulateFirst"));
        hint.visibleProperty().bind(model.simulated.not());
        Button cancel = new Button(text.getString("review.back"));
        cancel.setId("builder-back");
        cancel.setOnAction(e -> back.run());

        Label error = new Label();
        error.setId("builder-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(javafx.beans.binding.Bindings.when(model.error.isEmpty()).then(signing.error).otherwise(model.error));

        VBox content = new VBox(10,
                Labels.section(String.format(text.getString("governance.builder.heading"), governor.name())),
                title, body, Labels.muted(text.getString("governance.builder.preview")), preview,
                Labels.section(text.getString("governance.actions")), actions,
                new HBox(8, recipe, add), form,
                new HBox(8, importJson, importButton),
                simulation, error);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setSkin(new javafx.scene.control.skin.ScrollPaneSkin(scroll)); // lookups see the content at once
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, simulate, propose, hint);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(scroll, buttons);
    }
}
