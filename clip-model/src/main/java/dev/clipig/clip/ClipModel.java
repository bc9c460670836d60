package dev.clipig.clip;

import dev.clipig.clip.nn.OneDnnTransformer;
import dev.clipig.clip.nn.Weights;
import dev.clipig.clip.runtime.Differentiable;
import dev.clipig.clip.runtime.Lanes;
import dev.clipig.clip.runtime.VectorJacobianProduct;
import dev.clipig.clip.runtime.Workspaces;
import dev.clipig.clip.text.TextTransformer;
import dev.clipig.clip.tokenizer.ClipTokenizer;
import dev.clipig.clip.vision.VisionTransformer;
import dev.clipig.weights.CheckpointReader;
import dev.clipig.weights.ClipHyperParams;
import dev.clipig.weights.ClipWeights;
import dev.clipig.weights.Tensor;
import dev.clipig.weights.WeightsException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * OpenAI's CLIP (ViT variant) with frozen weights: both encoders, and the image encoder's
 * vector-Jacobian product for optimizing pixels.
 *
 * <p>Thread-safety: the weights are immutable and every pass keeps its activations in records
 * of its own (each block's {@code Saved}), so one model may serve many threads. On the CPU a
 * model splits each image batch across its lanes, one thread per core (see {@link Lanes}), and such passes take turns.
 * Returned arrays belong to the caller: in the caller's own workspace if one is open (see
 * {@link Workspaces#reused}), else in ordinary garbage-collected memory.
 *
 * <p>{@link #close} stops the lanes and frees their working memory at once; an application that
 * loads models in turn should close each, since an unclosed one holds that memory until the
 * garbage collector finds it.
 */
public final class ClipModel implements AutoCloseable {

    private final ClipHyperParams hyperParams;
    private final VisionTransformer visual;
    private final TextTransformer text;
    private final double logitScale;
    private final ClipTokenizer tokenizer;
    private final Lanes lanes;
    private final Optional<OneDnnTransformer> visualBlocks;

    private ClipModel(ClipHyperParams hyperParams, VisionTransformer visual, TextTransformer text, double logitScale,
                      ClipTokenizer tokenizer, Lanes lanes) {
        this.hyperParams = hyperParams;
        this.lanes = lanes;
        this.visual = visual;
        this.visualBlocks = OneDnnTransformer.of(visual.transformer());
        this.text = text;
        this.logitScale = logitScale;
        this.tokenizer = tokenizer;
    }

    /**
     * Builds a model from weights under OpenAI's names. The model takes the arrays over and folds
     * constants into them in place (see {@link Weights}), so hand each array to one model only.
     */
    public static ClipModel of(ClipHyperParams p, Weights w) {
        Lanes lanes = Lanes.forThisMachine();
        return new ClipModel(p,
                VisionTransformer.load(w, p.visionLayers(), p.visionHeads()),
                TextTransformer.load(w, p.textLayers(), p.textHeads()),
                w.get("logit_scale").getDouble(0),
                ClipTokenizer.standard(), lanes);
    }

    /**
     * Loads weights of any format the converter reads: a converted {@code .safetensors} file,
     * OpenAI's TorchScript {@code .pt}, a {@code torch.save} state dict, or Hugging Face /
     * open_clip safetensors (converted in memory).
     *
     * @throws WeightsException naming the file and what is wrong with it
     */
    public static ClipModel load(Path path) {
        ClipWeights weights = ClipWeights.of(CheckpointReader.read(path));
        Map<String, INDArray> arrays = new HashMap<>();
        weights.tensors().forEach((name, tensor) -> arrays.put(name, toArray(tensor)));
        return of(weights.hyperParams(), name -> {
            INDArray array = arrays.get(name);
            if (array == null) throw new WeightsException(path + ": missing tensor '" + name + "'");
            return array;
        });
    }

    private static INDArray toArray(Tensor tensor) {
        long[] shape = Arrays.stream(tensor.shape()).asLongStream().toArray();
        return Nd4j.create(tensor.toFloats(), shape.length == 0 ? new long[] {1} : shape, 'c');
    }

    public ClipHyperParams hyperParams() {
        return hyperParams;
    }

    public int imageResolution() {
        return visual.resolution();
    }

    public ClipTokenizer tokenizer() {
        return tokenizer;
    }

    /** exp(logit_scale): 100 for OpenAI's models. */
    public double logitScale() {
        return Math.exp(logitScale);
    }

    /** Normalized pixels [B, 3, R, R] → image features [B, embed]. */
    public INDArray encodeImages(INDArray pixels) {
        int batch = visual.checkPixels(pixels);
        return lanes.map(batch, (from, to) -> {
            INDArray rows = pixels.get(NDArrayIndex.interval(from, to));
            return visualBlocks.map(blocks -> visual.forward(rows, blocks)).orElseGet(() -> visual.forward(rows));
        });
    }

    /** Token ids [B][context] → text features [B, embed]. */
    public INDArray encodeTokens(int[][] tokens) {
        text.checkTokens(tokens);
        return lanes.map(tokens.length, (from, to) -> text.forward(Arrays.copyOfRange(tokens, from, to)));
    }

    /** Texts → text features [B, embed]; a text too long for the context is an error naming it. */
    public INDArray encodeTexts(List<String> texts) {
        return encodeTokens(tokenizer.tokenize(texts, text.contextLength()));
    }

    /**
     * The image encoder's vector-Jacobian product: a forward pass, then {@code lossGradient}
     * maps the features [B, embed] to d(loss)/d(features), on the calling thread, then the
     * backward pass to the pixels.
     */
    public ImageGradient imageGradient(INDArray pixels, UnaryOperator<INDArray> lossGradient) {
        visual.checkPixels(pixels);
        VectorJacobianProduct vjp = lanes.vjp(pixels, visual::forwardSaving, lossGradient, visual::backward);
        return new ImageGradient(vjp.output(), vjp.inputGradient());
    }

    /** The image encoder as a differentiable function of normalized pixels, for passes run elsewhere. */
    Differentiable<?> imageEncoder() {
        return Differentiable.of(visual::forwardSaving, visual::backward);
    }

    /** Throws, naming the batch's whole shape, unless {@code pixels} is a batch this model takes. */
    void checkPixels(INDArray pixels) {
        visual.checkPixels(pixels);
    }

    /**
     * Stops the lanes and frees their working memory; later passes throw. The weights stay until
     * collected. With one lane (one core, or a GPU) passes run on the calling threads, whose
     * workspaces stay theirs.
     */
    @Override
    public void close() {
        lanes.close();
    }

    /** 100 × cosine similarity of each row of {@code a} to each row of {@code b}: [A, B]. */
    public static INDArray similarity(INDArray a, INDArray b) {
        return normalize(a).mmul(normalize(b).transpose()).muli(100);
    }

    /** CLIP's logits per image: logit scale · cosine of each image to each text, [A, B]. */
    public INDArray logits(INDArray imageFeatures, INDArray textFeatures) {
        return normalize(imageFeatures).mmul(normalize(textFeatures).transpose()).muli(logitScale());
    }

    /** Zero-shot probabilities of each image over the texts: the softmax of the logits, [A, B]. */
    public INDArray probabilities(INDArray imageFeatures, INDArray textFeatures) {
        return Transforms.softmax(logits(imageFeatures, textFeatures), false);
    }

    /** Rows scaled to unit L2 norm. */
    public static INDArray normalize(INDArray features) {
        return features.divColumnVector(features.norm2(1).reshape(features.size(0), 1));
    }
}
