package org.hearth.app.governance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.hearth.chain.abi.AbiFunction;
import org.hearth.chain.abi.ContractAbi;
import org.hearth.chain.abi.ContractCalls;
import org.hearth.chain.session.ChainSession;
import org.hearth.chain.session.KnownContract;
import org.hearth.dao.ActionsFile;
import org.hearth.dao.Governor;
import org.hearth.money.Amounts;

/**
 * The builder's recipes for one action: HRTH (the governor's token) or ETH from the treasury, a
 * parameter change on the market or the governor (its setters, from the ABIs Hearth ships), or a
 * custom call from a function signature with one typed argument per line. {@link #entry()} gives
 * the action to add, built off the FX thread.
 */
final class RecipeForm extends VBox {

    enum Recipe { TOKEN, ETH, PARAMETER, CUSTOM }

    private final ResourceBundle text;
    private final ChainSession session;
    private final Governor governor;
    private final TextField amount = field("recipe-amount", "governance.recipe.amountPrompt");
    private final TextField to = field("recipe-to", "governance.recipe.toPrompt");
    private final ComboBox<KnownContract> contract = new ComboBox<>();
    private final ComboBox<String> function = new ComboBox<>();
    private final TextArea values = area("recipe-values", "governance.recipe.valuesPrompt");
    private final TextField target = field("recipe-target", "governance.recipe.targetPrompt");
    private final TextField wei = field("recipe-wei", "governance.recipe.weiPrompt");
    private final TextField signature = field("recipe-signature", "governance.recipe.signaturePrompt");
    private final TextArea args = area("recipe-args", "governance.recipe.argsPrompt");
    private Recipe recipe = Recipe.TOKEN;

    RecipeForm(ResourceBundle text, ChainSession session, Governor governor) {
        super(8);
        this.text = text;
        this.session = session;
        this.governor = governor;
        for (javafx.scene.control.TextInputControl input : List.of(amount, to, values, target, wei, signature, args)) {
            input.setPromptText(text.getString((String) input.getUserData())); // the bundle is set only now
        }
        contract.setId("recipe-contract");
        function.setId("recipe-function");
        List<KnownContract> settable = new ArrayList<>();
        session.contracts().byName("ComputeMarket").ifPresent(settable::add);
        session.contracts().byAddress(governor.address()).ifPresent(settable::add);
        contract.getItems().setAll(settable);
        contract.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(KnownContract c) {
                return c == null ? "" : c.name() + " · " + c.address();
            }

            @Override
            public KnownContract fromString(String s) {
                return null;
            }
        });
        contract.valueProperty().addListener((obs, was, is) -> function.getItems().setAll(is == null ? List.of() : setters(is)));
        show(Recipe.TOKEN);
    }

    void show(Recipe next) {
        recipe = next;
        GridPane grid = new GridPane(10, 8);
        switch (next) {
            case TOKEN, ETH -> {
                grid.addRow(0, new javafx.scene.control.Label(text.getString(next == Recipe.TOKEN ? "governance.recipe.amountToken"
                        : "governance.recipe.amountEth")), amount);
                grid.addRow(1, new javafx.scene.control.Label(text.getString("governance.recipe.to")), to);
            }
            case PARAMETER -> {
                grid.addRow(0, new javafx.scene.control.Label(text.getString("governance.recipe.contract")), contract);
                grid.addRow(1, new javafx.scene.control.Label(text.getString("governance.recipe.function")), function);
                grid.addRow(2, new javafx.scene.control.Label(text.getString("governance.recipe.values")), values);
            }
            case CUSTOM -> {
                grid.addRow(0, new javafx.scene.control.Label(text.getString("governance.recipe.target")), target);
                grid.addRow(1, new javafx.scene.control.Label(text.getString("governance.recipe.wei")), wei);
                grid.addRow(2, new javafx.scene.control.Label(text.getString("governance.recipe.signature")), signature);
                grid.addRow(3, new javafx.scene.control.Label(text.getString("governance.recipe.args")), args);
            }
        }
        getChildren().setAll(grid);
    }

    /** The action the form describes; reads the chain where it must (a token's decimals). */
    Callable<ActionsFile.Entry> entry() {
        String amountText = amount.getText();
        String toText = to.getText().strip();
        return switch (recipe) {
            case TOKEN -> () -> {
                int decimals = ((BigInteger) new ContractCalls(session.rpc()).readOne(governor.token(), "decimals()(uint8)")).intValueExact();
                return new ActionsFile.Entry(governor.token(), "0", "transfer(address,uint256)",
                        List.of(toText, Amounts.parse(amountText, decimals).toString()));
            };
            case ETH -> () -> new ActionsFile.Entry(toText, Amounts.parse(amountText, 18).toString(), "", List.of());
            case PARAMETER -> {
                KnownContract c = contract.getValue();
                String f = function.getValue();
                List<String> lines = lines(values.getText());
                yield () -> {
                    if (c == null || f == null) {
                        throw new IllegalArgumentException(text.getString("governance.recipe.pickFunction"));
                    }
                    return new ActionsFile.Entry(c.address(), "0", f, lines);
                };
            }
            case CUSTOM -> {
                ActionsFile.Entry e = new ActionsFile.Entry(target.getText().strip(), wei.getText().strip(), signature.getText().strip(),
                        lines(args.getText()));
                yield () -> e;
            }
        };
    }

    /** State-changing functions named set… or update… of the contract's shipped ABI, as signatures. */
    private static List<String> setters(KnownContract c) {
        ContractAbi abi = ContractAbi.shipped(c.artifactName());
        return abi.functions().stream().map(AbiFunction::signature)
                .filter(s -> s.startsWith("set") || s.startsWith("update")).sorted().toList();
    }

    private static List<String> lines(String s) {
        return Arrays.stream(s.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setUserData(prompt);
        f.setPrefColumnCount(34);
        return f;
    }

    private TextArea area(String id, String prompt) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setUserData(prompt);
        a.setPrefRowCount(3);
        a.setPrefColumnCount(34);
        return a;
    }
}
