from keras import backend as K


def session_and_ordering():
    sess = K.get_session()
    if K.image_dim_ordering() == "th":
        return sess, "channels_first"
    return sess, "channels_last"
