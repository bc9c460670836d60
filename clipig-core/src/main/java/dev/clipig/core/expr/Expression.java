package dev.clipig.core.expr;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A compiled expression of the Python subset that CLIPig configs use, e.g.
 * {@code {0: 8, 1: 16}.get(int(t*16), 224)} or {@code 1/5*ti}.
 *
 * <p>The language has numbers, bools, lists and dicts; arithmetic, comparisons and logic with Python's
 * semantics; the whitelisted functions of {@link Builtins}; {@code dict.get}; and the variables of
 * {@link VariableGroup}. Nothing else is reachable: no attributes, imports or strings, so an expression
 * cannot touch Java or the file system. Sizes are bounded ({@value #MAX_LENGTH} characters,
 * {@value #MAX_DEPTH} tree levels) so that hostile input fails with an {@link ExpressionException}.
 *
 * <p>Constant parts are folded at parse time; an expression without variables is a single constant.
 * Evaluating walks the compiled tree, so a time-dependent expression is cheap to evaluate every step.
 */
public final class Expression {

    public static final int MAX_LENGTH = 10_000;
    public static final int MAX_DEPTH = 200;

    private final String source;
    private final Node root;
    private final Set<String> variables;

    private Expression(String source, Node root, Set<String> variables) {
        this.source = source;
        this.root = root;
        this.variables = variables;
    }

    /** Compiles {@code source}; fails with a one-line {@link ExpressionException} on any error. */
    public static Expression parse(String source) {
        if (source == null) {
            throw new IllegalArgumentException("source is null");
        }
        if (source.length() > MAX_LENGTH) {
            throw new ExpressionException("expression is too long (" + source.length() + " characters, at most "
                    + MAX_LENGTH + ")", source, 0);
        }
        Node root = Parser.parse(source);
        Set<String> variables = Collections.unmodifiableSet(checkDepthAndCollectVariables(root, source));
        if (variables.isEmpty() && !(root instanceof Node.Constant)) {
            // Folding only leaves a variable-free tree behind when evaluating it failed: report that now.
            try {
                root.evaluate(Variables.empty());
            } catch (ExpressionException e) {
                throw e.locate(source, 0);
            }
        }
        return new Expression(source, root, variables);
    }

    /** An expression that is just {@code value}. */
    public static Expression constant(Value value) {
        return new Expression(value.toString(), new Node.Constant(value), Set.of());
    }

    /** The text this was parsed from. */
    public String source() {
        return source;
    }

    /** Whether the value is known without variables, i.e. {@link #variables()} is empty. */
    public boolean isConstant() {
        return root instanceof Node.Constant;
    }

    /** The canonical names (see {@link VariableGroup}) of the variables the value depends on. */
    public Set<String> variables() {
        return variables;
    }

    public Value evaluate(Variables vars) {
        try {
            return root.evaluate(vars);
        } catch (ExpressionException e) {
            throw e.locate(source, 0);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Expression e && e.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }

    /** Iterative, so that a too deep tree is reported before anything recurses through it. */
    private static Set<String> checkDepthAndCollectVariables(Node root, String source) {
        Set<String> names = new LinkedHashSet<>();
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
                throw new ExpressionException("expression is nested too deeply (more than " + MAX_DEPTH
                        + " levels)", source, 0);
            }
            if (node instanceof Node.Variable v) {
                names.add(v.name());
            } else if (node instanceof Node.TimeStep) {
                names.add("time");
            }
            for (Node child : node.children()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return names;
    }
}
