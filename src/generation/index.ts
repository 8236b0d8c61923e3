/** Generative and understanding models: tfjs plumbing and the embedded MNIST models trained by this project. */
export { loadTf, loadModel, saveModel } from './tfjs.js';
export { loadMnistClassifier, type MnistClassifier, type MnistClassifierKind } from './embedded/mnist-classifier.js';
export { loadMnistCvae, type MnistCvae } from './embedded/mnist-cvae.js';
export { loadLatentDiffusion, type LatentDiffusion } from './embedded/latent-diffusion.js';
export { loadMnistJscc, type MnistJscc } from './embedded/mnist-jscc.js';
