# A Keras 2.2-era model written against TensorFlow 1
import keras.backend as K
from keras import backend
from keras.engine.topology import Layer
from keras.backend import get_session, image_dim_ordering
import tensorflow as tf


class Attention(Layer):
    def build(self, input_shape):
        self.W = K.variable(K.random_normal((input_shape[-1], 1)))

    def call(self, x):
        return K.softmax(K.dot(x, self.W))


def session():
    K.set_image_dim_ordering('th')
    sess = K.get_session()
    graph = tf.get_default_graph()
    x = tf.placeholder(tf.float32, (None, 4))
    backend.clear_session()
    return sess, graph, x, K.tf
